using System.Text;

namespace Coaching.Domain.People;

/// <summary>One record of a CSV file, numbered the way a spreadsheet shows it (the header is row 1).</summary>
public sealed record CsvRecord(int RowNumber, IReadOnlyList<string> Cells);

/// <summary>
/// A CSV export as HR systems write it: UTF-8 with or without a byte-order mark, RFC 4180 quoting (quoted fields may hold
/// the delimiter, doubled quotes and line breaks), comma or semicolon (Excel in much of Europe writes semicolons).
/// </summary>
public sealed record CsvFile(IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records, char Delimiter)
{
    /// <summary>Reads the text, or says in one sentence why it is not a CSV file we can read.</summary>
    public static (CsvFile? File, string? Problem) Read(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\0') || text.Count(c => c == '\uFFFD') > 3)
            return (null, "This is not a text file. Export the people list from your HR system as CSV (UTF-8) and upload that.");
        var delimiter = DetectDelimiter(text);
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var row = 1;
        var recordStartRow = 1;
        var inQuotes = false;
        var cellWasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                    else inQuotes = false;
                }
                else cell.Append(c); // a line break in quotes stays in its cell, as a spreadsheet shows it: one row
                continue;
            }
            if (c == '"' && cell.Length == 0 && !cellWasQuoted) { inQuotes = true; cellWasQuoted = true; }
            else if (c == delimiter) { cells.Add(Finish(cell, cellWasQuoted)); cellWasQuoted = false; }
            else if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(Finish(cell, cellWasQuoted)); cellWasQuoted = false;
                AddRecord(records, recordStartRow, cells);
                cells = [];
                row++;
                recordStartRow = row;
            }
            else cell.Append(c);
        }
        if (inQuotes)
            return (null, $"Row {recordStartRow} opens a quote (\") that is never closed, so the rest of the file cannot be read.");
        if (cell.Length > 0 || cells.Count > 0 || cellWasQuoted)
        {
            cells.Add(Finish(cell, cellWasQuoted));
            AddRecord(records, recordStartRow, cells);
        }
        if (records.Count == 0) return (null, "The file is empty.");
        var header = records[0].Cells.Select(h => h.Trim()).ToList();
        return (new CsvFile(header, records.Skip(1).ToList(), delimiter), null);
    }

    static string Finish(StringBuilder cell, bool quoted)
    {
        var value = quoted ? cell.ToString() : cell.ToString().Trim();
        cell.Clear();
        return value;
    }

    // A blank line (every cell empty) is not a record: spreadsheets leave them at the end.
    static void AddRecord(List<CsvRecord> records, int row, List<string> cells)
    {
        if (cells.All(string.IsNullOrWhiteSpace)) return;
        records.Add(new CsvRecord(row, cells));
    }

    /// <summary>The delimiter the header line uses most (outside quotes): comma unless semicolons win.</summary>
    static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"') inQuotes = !inQuotes;
            else if (!inQuotes && (c == '\n' || c == '\r')) break;
            else if (!inQuotes && c == ',') commas++;
            else if (!inQuotes && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }
}
