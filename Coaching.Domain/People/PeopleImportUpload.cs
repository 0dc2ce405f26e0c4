namespace Coaching.Domain.People;

/// <summary>
/// An uploaded people file waiting to be applied. The preview and the apply both read the same stored text, so what is
/// applied is what was previewed (against the organisation as it is then), and applying twice is refused.
/// </summary>
public class PeopleImportUpload
{
    public Guid Id { get; set; }
    public required string FileName { get; set; }
    public required string Content { get; set; }
    public bool MissingPeopleHaveLeft { get; set; }
    public required string UploadedByUserId { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public DateTime? AppliedAtUtc { get; set; }
    /// <summary>What applying did, in a sentence, shown when the import is opened again.</summary>
    public string? Outcome { get; set; }
}
