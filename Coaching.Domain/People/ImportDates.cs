using System.Globalization;
using System.Text.RegularExpressions;

namespace Coaching.Domain.People;

/// <summary>
/// Dates from HR exports. ISO (2024-09-15) is always read. Other numeric dates only when they cannot be misread: the
/// organisation's culture gives the order (day/month in en-GB, month/day in en-US), and a date whose day and month
/// could be swapped (03/04/2024) is refused rather than guessed, because the file may come from a system set up
/// elsewhere. Month names ("15 Sep 2024") are read in the culture's language.
/// </summary>
public static partial class ImportDates
{
    [GeneratedRegex(@"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")]
    private static partial Regex Numeric();

    public static (DateOnly? Date, string? Problem) Read(string raw, CultureInfo culture)
    {
        var text = raw.Trim();
        // Spreadsheets often add a midnight time to dates.
        text = Regex.Replace(text, @"[ T]00:00(:00)?$", "");
        var m = Numeric().Match(text);
        if (m.Success)
        {
            var (a, b, c) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
            var iso = $"write it as YYYY-MM-DD, e.g. 2024-09-15";
            if (a.Length == 4)
                return Make(int.Parse(a), int.Parse(b), int.Parse(c)) is { } d ? (d, null) : (null, $"\"{raw}\" is not a real date.");
            if (c.Length != 4) return (null, $"\"{raw}\" does not say the year in full; {iso}.");
            int first = int.Parse(a), second = int.Parse(b), year = int.Parse(c);
            var dayFirst = DayComesFirst(culture);
            var (day, month) = dayFirst ? (first, second) : (second, first);
            var read = Make(year, month, day);
            if (first <= 12 && second <= 12 && first != second)
                return (null, $"\"{raw}\" could be {Say(month, day)} or {Say(day, month)}; {iso}.");
            if (read is null)
                return (null, Make(year, day, month) is not null
                    ? $"\"{raw}\" is not a date in {(dayFirst ? "day/month/year" : "month/day/year")} order; {iso}."
                    : $"\"{raw}\" is not a real date.");
            return (read, null);
        }
        if (text.Any(char.IsLetter) && DateTime.TryParse(text, culture, DateTimeStyles.AllowWhiteSpaces, out var named))
            return (DateOnly.FromDateTime(named), null);
        return (null, $"\"{raw}\" is not a date; write it as YYYY-MM-DD, e.g. 2024-09-15.");
    }

    static bool DayComesFirst(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var d = pattern.IndexOf('d');
        var month = pattern.IndexOf('M');
        return d >= 0 && (month < 0 || d < month);
    }

    static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;

    static string Say(int month, int day) => $"{day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)}";
}
