using System.Net;
using Coaching.Domain.Development;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Insights;

/// <summary>HR's development settings page, and what its conversation target does to Insights → Development.</summary>
public class DevelopmentSettingsTests(DevelopmentOrganisation org) : IClassFixture<DevelopmentOrganisation>
{
    async Task<Browser> As(string email)
    {
        await org.DevelopedAsync();
        return await Browser.SignedInAsync(org, email, KnownOrganisation.Password);
    }

    [Theory]
    [InlineData("abc", "90", "SkillChoiceLimit", "Enter how many skills a person may choose, from 1 to 20.")]
    [InlineData("0", "90", "SkillChoiceLimit", "Enter how many skills a person may choose, from 1 to 20.")]
    [InlineData("21", "90", "SkillChoiceLimit", "Enter how many skills a person may choose, from 1 to 20.")]
    [InlineData("3", "6", "ConversationTargetDays", "Enter a number of days from 7 to 365.")]
    [InlineData("3", "366", "ConversationTargetDays", "Enter a number of days from 7 to 365.")]
    [InlineData("3", "", "ConversationTargetDays", "Enter a number of days from 7 to 365.")]
    [InlineData("3", "12.5", "ConversationTargetDays", "Enter a number of days from 7 to 365.")]
    public async Task A_bad_value_gets_its_message_beside_the_field_keeps_what_was_typed_and_saves_nothing(string limit, string days, string field, string message)
    {
        var hr = await As("hr@known.test");
        var before = await StoredAsync();

        var response = await hr.PostAsync("/Development/Settings", new() { ["SkillChoiceLimit"] = limit, ["ConversationTargetDays"] = days });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Equal(message, page.GetElementById($"{field}-problem")!.TextContent);
        Assert.Equal("true", page.GetElementById(field)!.GetAttribute("aria-invalid"));
        Assert.Equal(limit, page.GetElementById("SkillChoiceLimit")!.GetAttribute("value"));
        Assert.Equal(days, page.GetElementById("ConversationTargetDays")!.GetAttribute("value") ?? "");
        Assert.Equal(before, await StoredAsync());
    }

    Task<(int, int, DateTime?)?> StoredAsync() => org.WithDbAsync(db => db.DevelopmentSettings
        .Select(s => ((int, int, DateTime?)?)new ValueTuple<int, int, DateTime?>(s.SkillChoiceLimit, s.ConversationTargetDays, s.UpdatedAtUtc)).SingleOrDefaultAsync());

    [Fact]
    public async Task HR_changes_the_target_it_is_audited_and_the_insights_page_measures_against_it()
    {
        var hr = await As("hr@known.test");
        var form = await hr.GetDocumentAsync("/Development/Settings");
        Assert.Equal("3", form.GetElementById("SkillChoiceLimit")!.GetAttribute("value")); // the defaults, before HR saves
        Assert.Equal("90", form.GetElementById("ConversationTargetDays")!.GetAttribute("value"));
        Assert.Equal("40%", (await hr.GetDocumentAsync("/Insights/Development")).GetElementById("conversation-rate")!.QuerySelector(".target-share")!.TextContent);

        var saved = await hr.PostAsync("/Development/Settings", new() { ["SkillChoiceLimit"] = "5", ["ConversationTargetDays"] = " 30 " });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await org.WithDbAsync(db => db.DevelopmentSettings.SingleAsync());
        Assert.Equal((5, 30), (settings.SkillChoiceLimit, settings.ConversationTargetDays));
        var audit = await org.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "development.settings").SingleAsync());
        Assert.Equal("hr@known.test", audit.UserName);
        Assert.Contains("every 90 → 30 days", audit.Details);
        Assert.Contains("3 → 5", audit.Details);

        var page = await hr.GetDocumentAsync("/Insights/Development");
        // Only Ana (10 days ago) is within 30 days now.
        Assert.Contains("every 30 days", page.GetElementById("conversation-rate")!.TextContent);
        Assert.Equal("20%", page.GetElementById("conversation-rate")!.QuerySelector(".target-share")!.TextContent);
        Assert.Equal("33%", page.QuerySelector("#by-team tr[data-name='North'] .target .share-value")!.TextContent);
        var without = await hr.GetDocumentAsync($"/Insights/Development?handler=Without&by=team&key={org.North}", htmx: true);
        Assert.Equal(2, without.QuerySelectorAll("#without-people tbody tr").Length); // Ben (90 days) and Cy (91)
    }

    [Fact]
    public async Task Only_HR_and_admins_may_open_or_post_the_settings()
    {
        var manager = await As("north@known.test");

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/Development/Settings")).StatusCode);
        var post = await manager.PostAsync("/Development/Settings", new() { ["SkillChoiceLimit"] = "9", ["ConversationTargetDays"] = "9" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await org.NewClient().GetAsync("/Development/Settings")).StatusCode);
        Assert.NotEqual(9, await org.WithDbAsync(db => db.DevelopmentSettings.Select(s => (int?)s.ConversationTargetDays).SingleOrDefaultAsync()));
    }
}

/// <summary>The first save of the settings creates their one row; a second person saving at that moment must not get an error page.</summary>
public class FirstDevelopmentSettingsTests(DevelopmentOrganisation org) : IClassFixture<DevelopmentOrganisation>
{
    [Fact]
    public async Task Two_people_saving_the_first_settings_at_once_both_succeed_and_one_row_holds_them()
    {
        await org.DevelopedAsync();
        var hr = await Browser.SignedInAsync(org, "hr@known.test", KnownOrganisation.Password);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            hr.PostAsync("/Development/Settings", new() { ["SkillChoiceLimit"] = "3", ["ConversationTargetDays"] = "90" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Equal(1, await org.WithDbAsync(db => db.DevelopmentSettings.CountAsync()));
    }
}
