using Coaching.Domain.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features.People;

/// <summary>People → Import (HR and Admin): upload an HR export, see everything it would change, then apply it.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = PeopleImports.MaxFileBytes + 1024 * 1024)]
[RequestSizeLimit(PeopleImports.MaxFileBytes + 1024 * 1024)]
public class ImportModel(PeopleImports imports) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool MissingPeopleHaveLeft { get; set; }

    public PeopleImportUpload? Stored { get; private set; }
    public ImportPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null) return Page();
        Stored = await imports.FindAsync(id.Value, ct);
        if (Stored is null) return NotFound();
        if (Stored.AppliedAtUtc is null) Preview = await imports.PreviewAsync(Stored, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (upload, problem) = await imports.UploadAsync(Upload, MissingPeopleHaveLeft, User, ct);
        if (upload is null)
        {
            ModelState.AddModelError(nameof(Upload), problem!);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return RedirectToPage(new { id = upload.Id });
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken ct)
    {
        var outcome = await imports.ApplyAsync(id, User, ct);
        TempData["Toast"] = outcome.Refused ?? $"Import applied: {outcome.Sentence}";
        return RedirectToPage(new { id });
    }

    /// <summary>The rows with a problem, as a CSV with a reason column: fix them in the spreadsheet and upload that file.</summary>
    public async Task<IActionResult> OnGetProblemsAsync(Guid id, CancellationToken ct)
    {
        var upload = await imports.FindAsync(id, ct);
        if (upload is null) return NotFound();
        var preview = await imports.PreviewAsync(upload, ct);
        return File(preview.ProblemsCsv(), "text/csv; charset=utf-8", $"{Path.GetFileNameWithoutExtension(upload.FileName)}-problems.csv");
    }
}
