using Coaching.Domain.SignOffs;
using Coaching.Domain.Training;
using Coaching.Web.Features.Training;

namespace Coaching.Tests.Domain;

public class PeerTrainerAppointmentTests
{
    static readonly DateOnly Today = new(2026, 11, 25);
    static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    static readonly Guid Skill = Guid.NewGuid(), Other = Guid.NewGuid();
    const int Noor = 1, Bas = 2;

    static SignOff Signed(int who, Guid? skill = null, DateOnly? expires = null) =>
        new() { EmployeeId = who, SkillKey = skill ?? Skill, SignedByUserId = "m", SignedAtUtc = Now.AddDays(-10), ExpiresOn = expires };

    [Fact]
    public void Someone_signed_off_on_the_skill_is_made_a_peer_trainer_by_whom_and_when()
    {
        var (made, problems) = PeerTrainerAppointment.Appoint(Noor, Skill, [Signed(Noor)], [], "manager", Today, Now);

        Assert.Empty(problems);
        Assert.Equal((Noor, Skill, "manager", Now, true), (made!.EmployeeId, made.SkillKey, made.AppointedByUserId, made.AppointedAtUtc, made.IsCurrent));
    }

    [Fact]
    public void Without_a_sign_off_that_counts_today_it_is_refused_on_the_skill()
    {
        SignOff[][] notCounting =
        [
            [],
            [Signed(Noor, Other)],                                   // another skill
            [Signed(Bas)],                                           // someone else
            [Signed(Noor, expires: Today)],                          // expires today: no longer counts
            [new SignOff { EmployeeId = Noor, SkillKey = Skill, SignedByUserId = "m", RevokedAtUtc = Now.AddDays(-1) }],
        ];
        foreach (var signOffs in notCounting)
        {
            var (made, problems) = PeerTrainerAppointment.Appoint(Noor, Skill, signOffs, [], "manager", Today, Now);
            Assert.Null(made);
            Assert.Equal(PeerTrainerAppointment.SkillField, Assert.Single(problems).Field);
        }
        // Expiring tomorrow still counts today.
        Assert.NotNull(PeerTrainerAppointment.Appoint(Noor, Skill, [Signed(Noor, expires: Today.AddDays(1))], [], "m", Today, Now).Appointment);
    }

    [Fact]
    public void A_second_appointment_while_one_is_current_is_refused_and_after_it_ended_is_allowed()
    {
        var first = PeerTrainerAppointment.Appoint(Noor, Skill, [Signed(Noor)], [], "m", Today, Now).Appointment!;

        var twice = PeerTrainerAppointment.Appoint(Noor, Skill, [Signed(Noor)], [first], "m", Today, Now);
        first.End("hr", Now.AddHours(1));
        var again = PeerTrainerAppointment.Appoint(Noor, Skill, [Signed(Noor)], [first], "m", Today, Now.AddHours(2));

        Assert.Contains("Already a peer trainer", Assert.Single(twice.Problems).Message);
        Assert.NotNull(again.Appointment);
    }

    [Fact]
    public void Ending_records_who_and_when_once()
    {
        var appointment = PeerTrainerAppointment.Appoint(Noor, Skill, [Signed(Noor)], [], "m", Today, Now).Appointment!;

        appointment.End("hr", Now.AddDays(1));
        appointment.End("someone else", Now.AddDays(2));

        Assert.Equal((false, Now.AddDays(1), "hr"), (appointment.IsCurrent, appointment.EndedAtUtc, appointment.EndedByUserId));
    }

    [Fact]
    public void A_trainer_is_available_while_current_and_signed_off_and_not_after_the_sign_off_expires_or_it_ends()
    {
        var signOffs = new[] { Signed(Noor, expires: Today.AddDays(30)) };
        var appointment = PeerTrainerAppointment.Appoint(Noor, Skill, signOffs, [], "m", Today, Now).Appointment!;

        Assert.True(appointment.IsAvailableOn(Today, signOffs));
        Assert.True(appointment.IsAvailableOn(Today.AddDays(29), signOffs));
        Assert.False(appointment.IsAvailableOn(Today.AddDays(30), signOffs)); // the expiry day
        Assert.False(appointment.IsAvailableOn(Today, [Signed(Bas)]));
        appointment.End("m", Now);
        Assert.False(appointment.IsAvailableOn(Today, signOffs));
    }
}

public class TenureBandSettingsTests
{
    static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Starts_make_contiguous_bands_the_last_open_ended()
    {
        var (bands, problems) = TenureBandSettings.FromStarts([0, 2, 10]);

        Assert.Empty(problems);
        Assert.Equal(["Under 2 years", "2–10 years", "10 years and over"], bands!.Bands.Select(b => b.Label));
    }

    [Fact]
    public void A_single_start_at_zero_is_one_band_for_everyone() =>
        Assert.Equal("0 years and over", Assert.Single(TenureBandSettings.FromStarts([0]).Bands!.Bands).Label);

    [Theory]
    [InlineData(new int[0], "at least one")]
    [InlineData(new[] { 1, 5 }, "starts at 0")]
    [InlineData(new[] { 0, 5, 5 }, "ends after it starts")]
    [InlineData(new[] { 0, 5, 1 }, "ends after it starts")]
    [InlineData(new[] { 0, -1 }, "whole years from 0 to 60")]
    [InlineData(new[] { 0, 61 }, "whole years from 0 to 60")]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 }, "at most 8")]
    public void Bad_starts_are_refused_on_the_bands_field(int[] starts, string message)
    {
        var (bands, problems) = TenureBandSettings.FromStarts(starts);

        Assert.Null(bands);
        Assert.Contains(problems, p => p.Field == TenureBands.BandsField && p.Message.Contains(message));
    }

    [Fact]
    public void The_edges_sixty_years_and_eight_bands_are_accepted()
    {
        Assert.Empty(TenureBandSettings.FromStarts([0, 60]).Problems);
        Assert.Empty(TenureBandSettings.FromStarts([0, 1, 2, 3, 4, 5, 6, 7]).Problems);
    }

    [Fact]
    public void Change_saves_good_starts_with_who_and_when_and_a_refused_change_changes_nothing()
    {
        var settings = new TenureBandSettings();

        var refused = settings.Change([0, 5, 3], "hr", Now);
        Assert.NotEmpty(refused);
        Assert.Equal([0, 1, 5, 10], settings.BandStartYears);
        Assert.Null(settings.UpdatedAtUtc);

        Assert.Empty(settings.Change([0, 3, 15], "hr", Now));
        Assert.Equal([0, 3, 15], settings.BandStartYears);
        Assert.Equal((Now, "hr"), (settings.UpdatedAtUtc!.Value, settings.UpdatedByUserId!));
        Assert.Equal("3–15 years", settings.ToBands().Bands[1].Label);
    }

    [Theory]
    [InlineData("0, 1, 5, 10", new[] { 0, 1, 5, 10 })]
    [InlineData(" 0,2 ,10 ", new[] { 0, 2, 10 })]
    [InlineData("0 3 15", new[] { 0, 3, 15 })]
    [InlineData("", new int[0])]
    public void The_bands_field_reads_whole_years_separated_by_commas_or_spaces(string typed, int[] starts) =>
        Assert.Equal(starts, BandsModel.Parse(typed));

    [Theory]
    [InlineData("0, 1, five")]
    [InlineData("0, 1.5")]
    [InlineData("0, -1")]
    public void Anything_else_in_the_bands_field_is_not_read(string typed) => Assert.Null(BandsModel.Parse(typed));
}
