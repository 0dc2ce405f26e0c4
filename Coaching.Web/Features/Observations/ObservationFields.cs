using Coaching.Domain.Observations;

namespace Coaching.Web.Features.Observations;

/// <summary>
/// The names the observation form posts its fields under, which are also the ModelState keys its messages travel
/// by: the handler, the partials and the conflict list all take them from here, so a message cannot miss its field.
/// </summary>
public static class ObservationFields
{
    /// <summary>The page model's bound property (<c>LogModel.Form</c>): every name starts with it.</summary>
    public const string Form = nameof(LogModel.Form);
    public const string ObservedAt = Form + "." + nameof(ObservationForm.ObservedAt);
    public const string Context = Form + "." + nameof(ObservationForm.Context);
    public const string WentWell = Form + "." + nameof(ObservationForm.WentWell);
    public const string NextSteps = Form + "." + nameof(ObservationForm.NextSteps);
    public const string Track = Form + "." + nameof(ObservationForm.Track);
    /// <summary>Where a new next step typed on another device is put back ("Use this" fills the first empty row).</summary>
    public const string ActionItems = Form + "." + nameof(ObservationForm.ActionItems);

    public static string RatingSkill(int row) => $"{Form}.Ratings[{row}].SkillId";
    public static string RatingLevel(int row) => $"{Form}.Ratings[{row}].Level";
    public static string RatingEvidence(int row) => $"{Form}.Ratings[{row}].Evidence";
    public static string ActionItemId(int row) => $"{ActionItems}[{row}].Id";
    public static string ActionItemText(int row) => $"{ActionItems}[{row}].Text";
    public static string ActionItemDueDate(int row) => $"{ActionItems}[{row}].DueDate";

    public const string DraftKey = Form + "." + nameof(ObservationForm.DraftKey);
    public const string ObservationId = Form + "." + nameof(ObservationForm.ObservationId);
    public const string Revision = Form + "." + nameof(ObservationForm.Revision);
    public const string WasSubmitted = Form + "." + nameof(ObservationForm.WasSubmitted);
    public const string EmployeeId = Form + "." + nameof(ObservationForm.EmployeeId);
    public const string RubricVersionId = Form + "." + nameof(ObservationForm.RubricVersionId);
    /// <summary>The fields that say which observation this is; if one cannot be read, nothing else can be trusted.</summary>
    public static readonly string[] Identity = [DraftKey, ObservationId, Revision, WasSubmitted, EmployeeId, RubricVersionId];

    /// <summary>The field a domain problem is shown beside.</summary>
    public static string For(ObservationProblem problem) => problem.Field switch
    {
        ObservationField.ObservedAt => ObservedAt,
        ObservationField.Context => Context,
        ObservationField.WentWell => WentWell,
        ObservationField.NextSteps => NextSteps,
        ObservationField.Track => Track,
        ObservationField.RatingLevel => RatingLevel(problem.Row!.Value),
        ObservationField.RatingEvidence => RatingEvidence(problem.Row!.Value),
        ObservationField.ActionItemText => ActionItemText(problem.Row!.Value),
        ObservationField.ActionItemDueDate => ActionItemDueDate(problem.Row!.Value),
        _ => Form,
    };

    /// <summary>Every field a message can be shown beside, for a form with these many rows (the autosave answer fills those that have one).</summary>
    public static IEnumerable<string> WithMessages(int ratings, int actionItems)
    {
        string[] single = [WentWell, NextSteps, Track, Context, ObservedAt];
        foreach (var field in single) yield return field;
        for (var i = 0; i < ratings; i++) { yield return RatingLevel(i); yield return RatingEvidence(i); }
        for (var a = 0; a < actionItems; a++) { yield return ActionItemText(a); yield return ActionItemDueDate(a); }
    }

    /// <summary>The id of the element that shows a field's message ("err-Form_Ratings_3__Level"); observation.js finds it the same way.</summary>
    public static string ErrorId(string field) => "err-" + field.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
