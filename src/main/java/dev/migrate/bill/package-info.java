/**
 * The bill from AWS Data Exports (Cost and Usage Report 2.0) files, Parquet or gzip CSV, read with
 * DuckDB in-process into {@link dev.migrate.inventory.Billing}. The only package that uses DuckDB;
 * depends on inventory only (downloading an {@code s3://} prefix is the collect package's job).
 */
package dev.migrate.bill;
