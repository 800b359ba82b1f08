package dev.migrate.cli;

import dev.migrate.app.Choices;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option's word to its {@link Choices} constant, ignoring case; anything else is a
 * usage error that lists the words, e.g. {@code Invalid value for option '--gke-mode': unknown
 * choice 'pods'; use as-planned, standard or autopilot}.
 */
final class ChoiceConverter<E extends Enum<E> & Choices.Choice> implements ITypeConverter<E> {
  private final Class<E> type;

  private ChoiceConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    E e = Choices.parse(type, value);
    if (e == null) {
      throw new TypeConversionException("unknown choice '" + value + "'; use " + Choices.labels(type));
    }
    return e;
  }

  /** Registers a converter for every choice the command line offers, on {@code cli} and its subcommands. */
  static void registerAll(CommandLine cli) {
    register(cli, Choices.TargetPricing.class);
    register(cli, Choices.GkeMode.class);
    register(cli, Choices.Rightsizing.class);
    register(cli, Choices.Output.class);
    register(cli, Choices.LogFormat.class);
    register(cli, Choices.DepsFormat.class);
  }

  private static <E extends Enum<E> & Choices.Choice> void register(CommandLine cli, Class<E> type) {
    cli.registerConverter(type, new ChoiceConverter<>(type));
  }
}
