using Coaching.Domain.SignOffs;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Data;
using Coaching.Web.Features.SignOffs;
using Coaching.Web.Features.Training;
using Coaching.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Operations;

/// <summary>
/// <c>demo generate</c> at a small size, on the real SQLite file: besides the organisation, its proof of skill (sign-offs,
/// some expired, peer trainers, trainings given, training events) is written so HR's pages have volume to be timed on,
/// and the app's own queries read it back.
/// </summary>
public class DemoGenerateProofOfSkillTests(CoachingFactory factory) : IClassFixture<CoachingFactory>
{
    [Fact]
    public async Task Demo_generate_writes_sign_offs_peer_trainers_trainings_and_training_events_the_pages_can_read()
    {
        var output = new StringWriter();
        using (var scope = factory.Services.CreateScope())
        {
            var generator = scope.ServiceProvider.GetRequiredService<DemoOrganisationGenerator>();
            generator.Out = output;
            generator.Error = output;
            Assert.Equal(0, await generator.RunAsync(400, 12, 3000, 7, CancellationToken.None));
        }
        Assert.Contains("Proof of skill: ", output.ToString());

        var domain = "@" + DemoOrganisationGenerator.ManagerEmailDomain;
        var generated = await factory.WithDbAsync(db => db.Employees.Where(e => e.Email!.EndsWith(domain)).Select(e => e.Id).ToListAsync());
        var (signOffs, trainers, trainings, events) = await factory.WithDbAsync(async db => (
            await db.SignOffs.AsNoTracking().Where(s => generated.Contains(s.EmployeeId)).ToListAsync(),
            await db.PeerTrainerAppointments.AsNoTracking().Where(a => generated.Contains(a.EmployeeId)).ToListAsync(),
            await db.TrainingAssignments.AsNoTracking().Where(t => generated.Contains(t.TrainerId)).ToListAsync(),
            await db.TrainingEvents.AsNoTracking().Where(e => e.Title.Contains(": Team ")).ToListAsync()));

        DateOnly today;
        using (var scope = factory.Services.CreateScope()) today = scope.ServiceProvider.GetRequiredService<SkillSignOffs>().Today;
        Assert.True(signOffs.Count >= 50, $"{signOffs.Count} sign-offs");
        Assert.Contains(signOffs, s => s.StatusOn(today) == SignOffStatus.Expired);
        Assert.Contains(signOffs, s => s.StatusOn(today) == SignOffStatus.Active);
        Assert.All(signOffs, s => Assert.NotEmpty(s.EvidenceObservationIds));
        Assert.NotEmpty(trainers);
        Assert.All(trainers, t => Assert.Contains(signOffs, s => s.EmployeeId == t.EmployeeId && s.SkillKey == t.SkillKey && s.CountsOn(DateOnly.FromDateTime(t.AppointedAtUtc))));
        Assert.NotEmpty(trainings);
        Assert.All(trainings, t => Assert.Contains(trainers, a => a.EmployeeId == t.TrainerId && a.SkillKey == t.SkillKey));
        Assert.True(events.Count >= 5, $"{events.Count} training events");
        Assert.All(events, e => Assert.All(e.AttendeeIds, id => Assert.Contains(id, generated)));

        // The pages' own queries read the rows as written (JSON lists included).
        using var read = factory.Services.CreateScope();
        var attendee = events[0].AttendeeIds[0];
        Assert.Contains(await read.ServiceProvider.GetRequiredService<TrainingResults>().AttendedByAsync(attendee, CancellationToken.None), a => a.Event.Id == events[0].Id);
        var result = await read.ServiceProvider.GetRequiredService<TrainingResults>().BeforeAfterAsync(events[0], CancellationToken.None);
        Assert.Equal(events[0].AttendeeIds.Count * events[0].SkillKeys.Count, result.Attendees.Count);
        var states = await read.ServiceProvider.GetRequiredService<SkillSignOffs>().ForEmployeesAsync(signOffs.Select(s => s.EmployeeId).Distinct().ToList(), CancellationToken.None);
        Assert.Contains(states.SelectMany(g => g), s => s.IsSignedOff);
        Assert.Contains(states.SelectMany(g => g), s => s.IsExpired);
    }
}
