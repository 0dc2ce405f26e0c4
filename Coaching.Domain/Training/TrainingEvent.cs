using Coaching.Domain.People;

namespace Coaching.Domain.Training;

public enum TrainingFormat
{
    Course = 1,
    Workshop = 2,
    Mentoring = 3,
    OnTheJob = 4,
    PeerTraining = 5,
}

public static class TrainingFormats
{
    public static string Label(this TrainingFormat format) => format switch
    {
        TrainingFormat.Course => "Course",
        TrainingFormat.Workshop => "Workshop",
        TrainingFormat.Mentoring => "Mentoring",
        TrainingFormat.OnTheJob => "On the job",
        TrainingFormat.PeerTraining => "Peer training",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };
}

/// <summary>A training some people attended on some skills, on one day (the organisation's date).</summary>
public sealed class TrainingEvent
{
    public const string TitleField = "Title", DateField = "HeldOn", FormatField = "Format", SkillsField = "SkillKeys", AttendeesField = "AttendeeIds";
    public const int TitleMaxLength = 200;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public TrainingFormat Format { get; set; }
    public List<Guid> SkillKeys { get; set; } = [];
    public List<int> AttendeeIds { get; set; } = [];
    public string RecordedByUserId { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Title (trimmed, up to 200 characters), date, a known format, at least one skill and one attendee; duplicates are dropped.</summary>
    public static (TrainingEvent? Event, IReadOnlyList<FieldProblem> Problems) Record(string? title, DateOnly? heldOn, TrainingFormat? format,
        IEnumerable<Guid> skillKeys, IEnumerable<int> attendeeIds)
    {
        var problems = new List<FieldProblem>();
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length == 0) problems.Add(new(TitleField, "Enter a title."));
        else if (trimmed.Length > TitleMaxLength) problems.Add(new(TitleField, $"Keep the title to {TitleMaxLength} characters (it has {trimmed.Length})."));
        if (heldOn is null) problems.Add(new(DateField, "Enter the date of the training."));
        if (format is null || !Enum.IsDefined(format.Value)) problems.Add(new(FormatField, "Choose the format: course, workshop, mentoring, on the job or peer training."));
        var skills = skillKeys.Where(k => k != Guid.Empty).Distinct().ToList();
        if (skills.Count == 0) problems.Add(new(SkillsField, "Choose at least one skill the training covered."));
        var attendees = attendeeIds.Distinct().ToList();
        if (attendees.Count == 0) problems.Add(new(AttendeesField, "Choose at least one person who attended."));
        if (problems.Count > 0) return (null, problems);
        return (new TrainingEvent { Title = trimmed, HeldOn = heldOn!.Value, Format = format!.Value, SkillKeys = skills, AttendeeIds = attendees }, problems);
    }

    /// <summary>
    /// The same training recorded again: same title (any case), day, format, skills and attendees. Two of these are one
    /// event sent twice (a double tap, a resend after the connection dropped), never two trainings.
    /// </summary>
    public bool IsSameAs(TrainingEvent other) =>
        string.Equals(Title, other.Title, StringComparison.OrdinalIgnoreCase) && HeldOn == other.HeldOn && Format == other.Format
        && SkillKeys.ToHashSet().SetEquals(other.SkillKeys) && AttendeeIds.ToHashSet().SetEquals(other.AttendeeIds);
}
