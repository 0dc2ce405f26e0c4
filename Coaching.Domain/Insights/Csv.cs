using System.Globalization;
using System.Text;

namespace Coaching.Domain.Insights;

/// <summary>
/// CSV as spreadsheets read it: UTF-8 with a byte-order mark (so Excel does not guess the code page), CRLF rows,
/// RFC 4180 quoting. Text cells that a spreadsheet would run as a formula get a leading apostrophe.
/// </summary>
public static class Csv
{
    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>One cell. Numbers are written invariantly and never guarded (a negative difference stays a number).</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        string s => Quote(Guard(s)),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(Guard(value.ToString() ?? "")),
    };

    /// <summary>Neutralises text a spreadsheet would evaluate (=HYPERLINK(...), +cmd, -2+3, @SUM).</summary>
    public static string Guard(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    public static string Quote(string text) =>
        text.IndexOfAny(NeedsQuotes) >= 0 || text.StartsWith(' ') || text.EndsWith(' ') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    public static string Row(IEnumerable<object?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Text(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var sb = new StringBuilder(Row(header));
        foreach (var row in rows) sb.Append(Row(row));
        return sb.ToString();
    }

    public static byte[] Document(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text(header, rows))];
}
