using System.CommandLine;
using System.Diagnostics;
using Coaching.Web.Access;
using System.Text;
using Coaching.Web.Features.People;
using Coaching.Web.Infrastructure;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>bench people-import [--rows 5000]</c>: generates an HR export of that many new people (teams of 12, a manager
/// each, a few bad rows), then times the upload with its preview, a second preview, and the apply, on the configured
/// database. Run it on a throwaway database: it really imports the people.
/// </summary>
public sealed class PeopleImportBenchmark(PeopleImports imports) : Operation
{
    public static Command Command(IServiceProvider services)
    {
        var rows = OperatorCommandLine.Number("--rows", "How many people the export holds", 5000, 1, 50_000);
        return OperatorCommandLine.Verb<PeopleImportBenchmark>(services, "people-import", "Time the upload, preview and apply of a generated HR export (it really imports the people).",
            developmentOnly: true, [rows], (b, p, ct) => b.RunAsync(p.GetValue(rows), ct));
    }

    public async Task<int> RunAsync(int rows, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder("employee_id,first_name,last_name,email,job_role,team,site,manager_email,hire_date,active\n");
        for (var r = 0; r < rows; r++)
        {
            var team = r / 12;
            var manager = $"lead{team}.{run}@bench.example";
            var email = r % 12 == 0 ? manager : $"p{r}.{run}@bench.example";
            var date = r % 500 == 7 ? "03/04/2020" : $"20{10 + r % 15:00}-0{1 + r % 9}-1{r % 9}";
            csv.Append($"B{run}{r},First{r},Last{r},{email},Role {r % 7},Team {team} {run},Site {team % 9},{(r % 12 == 0 ? "" : manager)},{date},yes\n");
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var who = SignInClaims.For("benchmark");

        var clock = Stopwatch.StartNew();
        using var stream = new MemoryStream(bytes);
        var (upload, problem) = await imports.UploadAsync(new FormFile(stream, 0, bytes.Length, "Upload", "bench.csv"), false, who, ct);
        var uploadMs = clock.ElapsedMilliseconds;
        if (upload is null) { Error.WriteLine(problem); return 1; }
        clock.Restart();
        var preview = await imports.PreviewAsync(upload, ct);
        var previewMs = clock.ElapsedMilliseconds;
        clock.Restart();
        var outcome = await imports.ApplyAsync(upload.Id, who, ct);
        var applyMs = clock.ElapsedMilliseconds;
        Out.WriteLine($"people import of {rows:N0} rows ({bytes.Length / 1024:N0} KB): {preview.New.Count:N0} new, {preview.Problems.Count} problem rows, {preview.Managers.Count} manager assignments");
        Out.WriteLine($"  upload + preview   {uploadMs,6} ms   (target under 3,000 ms)");
        Out.WriteLine($"  preview again      {previewMs,6} ms");
        Out.WriteLine($"  apply              {applyMs,6} ms   (target under 10,000 ms): {outcome.Refused ?? outcome.Sentence}");
        Out.WriteLine($"  peak working set   {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024,6} MB");
        return outcome.Refused is null ? 0 : 1;
    }
}
