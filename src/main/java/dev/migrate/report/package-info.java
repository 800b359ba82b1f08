/**
 * Reports from one {@link dev.migrate.cost.Assessment}: the management workbook (POI, with
 * JFreeChart charts), the assessment JSON (format {@code migrate.assessment/v1}), the CSV of
 * cost lines and the terminal summary. {@link dev.migrate.report.ReportModel} derives every
 * figure once, so all outputs agree to the cent; {@link dev.migrate.report.Anonymizer} replaces
 * identifying values with stable pseudonyms. The workbook is written one class per sheet
 * ({@code SummarySheet}, {@code CostsSheet}, ...) on shared styles ({@code Styles}), geometry
 * ({@code Layout}) and detail-table writer ({@code Table}). The only package that imports POI
 * and JFreeChart.
 */
package dev.migrate.report;
