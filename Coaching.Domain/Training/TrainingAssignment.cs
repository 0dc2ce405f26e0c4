using Coaching.Domain.People;

namespace Coaching.Domain.Training;

/// <summary>A peer trainer training a trainee on one skill, from a start date to an (optional, until done) end date.</summary>
public sealed class TrainingAssignment
{
    public const string TrainerField = "TrainerId", TraineeField = "TraineeId", SkillField = "SkillKey", StartField = "StartsOn", EndField = "EndsOn";

    public int Id { get; set; }
    public int TrainerId { get; set; }
    public int TraineeId { get; set; }
    public Guid SkillKey { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string AssignedByUserId { get; set; } = "";
    public DateTime AssignedAtUtc { get; set; }

    /// <summary>
    /// The trainer must be a peer trainer for the skill (signed off and named trainer), and not the trainee; the end, when
    /// given, is on or after the start. Problems are keyed by field; nothing is made while any field has a problem.
    /// </summary>
    public static (TrainingAssignment? Assignment, IReadOnlyList<FieldProblem> Problems) Record(int? trainerId, int? traineeId,
        Guid? skillKey, DateOnly? startsOn, DateOnly? endsOn, IEnumerable<int> peerTrainersForSkill)
    {
        var problems = new List<FieldProblem>();
        if (skillKey is null || skillKey == Guid.Empty) problems.Add(new(SkillField, "Choose the skill to train."));
        if (trainerId is null) problems.Add(new(TrainerField, "Choose the trainer."));
        else if (skillKey is not null && !peerTrainersForSkill.Contains(trainerId.Value))
            problems.Add(new(TrainerField, "This person is not a peer trainer for this skill; choose one of the suggested trainers."));
        if (traineeId is null) problems.Add(new(TraineeField, "Choose the person to train."));
        else if (traineeId == trainerId) problems.Add(new(TraineeField, "The trainee is the trainer; choose someone else to train."));
        if (startsOn is null) problems.Add(new(StartField, "Enter the start date."));
        if (endsOn is not null && startsOn is not null && endsOn < startsOn) problems.Add(new(EndField, "The end date is before the start date."));
        if (problems.Count > 0) return (null, problems);
        return (new TrainingAssignment { TrainerId = trainerId!.Value, TraineeId = traineeId!.Value, SkillKey = skillKey!.Value, StartsOn = startsOn!.Value, EndsOn = endsOn }, problems);
    }
}
