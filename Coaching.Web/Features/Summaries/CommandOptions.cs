namespace Coaching.Web.Features.Summaries;

/// <summary>
/// The options of an operator command, parsed strictly: a misspelt option, a missing value or a repeated option is an
/// error with a message, never ignored (an ignored "--employe" would send the whole organisation its summaries).
/// </summary>
public sealed class CommandOptions
{
    readonly Dictionary<string, string> values;
    CommandOptions(Dictionary<string, string> values) => this.values = values;

    /// <summary>Parses <c>--name value</c> pairs, allowing only <paramref name="allowed"/>; the error is null when all is well.</summary>
    public static (CommandOptions Options, string? Error) Parse(IReadOnlyList<string> args, params string[] allowed)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
                return (new(values), name.StartsWith('-')
                    ? $"Unknown option \"{name}\". Options: {string.Join(", ", allowed)}."
                    : $"Unexpected \"{name}\": give options as {allowed[0]} VALUE.");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--"))
                return (new(values), $"The option {name} needs a value.");
            if (!values.TryAdd(name, args[++i]))
                return (new(values), $"The option {name} is given twice.");
        }
        return (new(values), null);
    }

    public string? this[string name] => values.GetValueOrDefault(name);

    /// <summary>A whole number in [min, max], the default when absent, or an error.</summary>
    public (int Value, string? Error) Int(string name, int defaultValue, int min, int max)
    {
        if (this[name] is not { } text) return (defaultValue, null);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? (n, null)
            : (defaultValue, $"The option {name} needs a whole number from {min} to {max}, not \"{text}\".");
    }
}
