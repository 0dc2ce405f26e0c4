using System.Globalization;
using System.Text;

namespace Coaching.Domain.Organisation;

/// <summary>
/// How a typed name finds a person: case and accents do not matter, so "zoe lukasiewicz" finds "Zoë Łukasiewicz"
/// (a manager on a tablet keyboard rarely types the diacritics).
/// </summary>
public static class NameSearch
{
    public static bool Matches(string name, string typed)
    {
        var wanted = Fold(typed);
        return wanted.Length == 0 || Fold(name).Contains(wanted, StringComparison.Ordinal);
    }

    /// <summary>Lower case without accents: decomposed marks are dropped, and letters with a stroke or ligature fold by hand.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            builder.Append(lower switch
            {
                'ł' => "l", 'ø' => "o", 'đ' => "d", 'ħ' => "h", 'ŧ' => "t", 'ı' => "i",
                'ß' => "ss", 'æ' => "ae", 'œ' => "oe", 'þ' => "th", 'ð' => "d",
                _ => lower.ToString(),
            });
        }
        return builder.ToString();
    }
}
