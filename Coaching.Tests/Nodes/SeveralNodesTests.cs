using System.Net;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Nodes;

/// <summary>
/// The weekly batch with several web nodes on one PostgreSQL database, Quartz clustered: each summary is sent once,
/// and a node that dies in the middle of the batch leaves nothing unsent. Counted at the real SMTP server.
/// </summary>
public class WeeklyBatchOnSeveralNodesTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Two_nodes_with_the_trigger_due_every_few_seconds_send_each_summary_once()
    {
        await using var cluster = new SeveralNodes();
        await cluster.SeedAsync();
        // Slow enough that the batch outlasts several firings while both nodes are up.
        cluster.Smtp.DelayEachMessage(TimeSpan.FromMilliseconds(250));
        await Task.WhenAll(cluster.StartNodeAsync(scheduled: true), cluster.StartNodeAsync(scheduled: true));
        var reachable = await cluster.ReachableAsync();

        Assert.True(await SeveralNodes.EventuallyAsync(async () => await cluster.SentAsync() == reachable, Patience), cluster.Output);
        await Task.Delay(TimeSpan.FromSeconds(6)); // more firings, on either node, find nothing left to send

        var messages = cluster.Smtp.Messages();
        Assert.Equal(reachable, messages.Count);
        Assert.Equal(reachable, messages.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.Equal(1, await cluster.WithDbAsync(db => db.SummaryDeliveries.Select(d => d.Week).Distinct().CountAsync()));
    }

    [Fact]
    public async Task A_node_killed_in_the_middle_of_the_batch_is_finished_by_the_other()
    {
        await using var cluster = new SeveralNodes();
        await cluster.SeedAsync();
        cluster.Smtp.DelayEachMessage(TimeSpan.FromSeconds(1));
        var both = await Task.WhenAll(cluster.StartNodeAsync(scheduled: true), cluster.StartNodeAsync(scheduled: true));
        var reachable = await cluster.ReachableAsync();
        Assert.True(await SeveralNodes.EventuallyAsync(() => Task.FromResult(cluster.Smtp.Count() >= 3), Patience), cluster.Output);
        // The node that took the weekly firing (it says so in its log).
        var sender = both.Single(n => n.Output.Contains("batch started on this node"));

        // Killed while a message is on the wire, as a power cut would.
        Assert.True(await SeveralNodes.EventuallyAsync(() => Task.FromResult(cluster.Smtp.IsReceiving), TimeSpan.FromSeconds(20)),
            $"nothing on the wire; {cluster.Smtp.Count()} of {reachable} received\n{cluster.Output}");
        await sender.KillAsync();
        Assert.True(await cluster.SentAsync() < reachable, "the batch had finished before the node was killed");

        Assert.True(await SeveralNodes.EventuallyAsync(async () => await cluster.SentAsync() == reachable, Patience), cluster.Output);
        await Task.Delay(TimeSpan.FromSeconds(6));
        var byRecipient = cluster.Smtp.Messages().GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(reachable, byRecipient.Count); // everyone got theirs
        // Once each, but for at most the one message on the wire at the kill: the server had it, the dead node never
        // heard it accepted, so the other node sent it again, under the same Message-Id (mail clients show one).
        var twice = byRecipient.Where(g => g.Count() > 1).ToList();
        Assert.True(twice.Count <= 1, $"sent twice: {string.Join(", ", twice.Select(g => g.Key))}");
        Assert.All(twice, g => Assert.Single(g.Select(m => m.MessageId).Distinct()));
        Assert.All(twice, g => Assert.Equal(2, g.Count()));
    }
}

/// <summary>
/// A person moving between nodes, as a load balancer without sticky sessions sends them: a sign-in and the antiforgery
/// tokens of one node hold on the other (one key ring in the database), and what HR publishes on one node is what
/// the other node shows next (no node serves its own stale copy of a rubric).
/// </summary>
public class MovingBetweenNodesTests(MovingBetweenNodesTests.TwoNodes nodes) : IClassFixture<MovingBetweenNodesTests.TwoNodes>
{
    public sealed class TwoNodes : IAsyncLifetime
    {
        public SeveralNodes Cluster { get; } = new();
        public AppProcess A { get; private set; } = null!;
        public AppProcess B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            A = await Cluster.StartNodeAsync(scheduled: false);
            B = await Cluster.StartNodeAsync(scheduled: false);
        }

        public async Task DisposeAsync() => await Cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_and_the_forms_of_one_node_are_accepted_by_the_other()
    {
        var jar = new CookieContainer(); // one browser: cookies are the host's, whichever node answers
        var onA = new Browser(nodes.A.NewClient(jar));
        var onB = new Browser(nodes.B.NewClient(jar));

        // The sign-in form comes from B, the sign-in goes to A.
        await onB.GetAsync("/Account/Login");
        var signedIn = await PostAsync(onA, "/Account/Login", onB.Token!,
            new() { ["Form.Email"] = "manager@demo.local", ["Form.Password"] = Coaching.Web.Demo.DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var team = await onB.GetAsync("/Team");
        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        Assert.Contains("Front End", await team.Content.ReadAsStringAsync());

        // A form the signed-in person opened on A, sent to B.
        await onA.GetAsync("/Team");
        var signedOut = await PostAsync(onB, "/Account/Logout", onA.Token!, []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await onA.GetAsync("/Team")).StatusCode); // signed out everywhere

        // A token that is not the key ring's is refused on both.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(onA, "/Account/Login", "not-a-token", new() { ["Form.Email"] = "x@y.z", ["Form.Password"] = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_rubric_published_on_one_node_is_the_one_the_other_node_shows_next()
    {
        var manager = new Browser(nodes.B.NewClient());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SignInAsync("manager4@demo.local", Coaching.Web.Demo.DemoSeeder.Password)).StatusCode);
        var mia = await nodes.Cluster.WithDbAsync(db => db.Employees.Where(e => e.FirstName == "Mia" && e.LastName == "Thompson").Select(e => e.Id).SingleAsync());
        // B reads (and keeps) the current Barista version.
        Assert.Contains("Espresso extraction", (await manager.GetDocumentAsync($"/Observations/Log?employeeId={mia}")).QuerySelector(".skill-row")!.TextContent);

        var hr = new Browser(nodes.A.NewClient());
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SignInAsync("hr@demo.local", Coaching.Web.Demo.DemoSeeder.Password)).StatusCode);
        var rubricId = await nodes.Cluster.WithDbAsync(db => db.Rubrics.Where(r => r.Name == "Barista").Select(r => r.Id).SingleAsync());
        await hr.GetAsync($"/Rubrics/Details/{rubricId}");
        var draft = await hr.PostAsync($"/Rubrics/Details/{rubricId}?handler=Edit", []);
        var draftId = int.Parse(draft.Headers.Location!.OriginalString["/Rubrics/Edit/".Length..]);
        await hr.GetAsync($"/Rubrics/Edit/{draftId}");
        var skillId = await nodes.Cluster.WithDbAsync(db => db.Skills.Where(s => s.RubricVersionId == draftId && s.Name == "Espresso extraction").Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=RenameSkill", new() { ["skillId"] = $"{skillId}", ["name"] = "Espresso dialling-in" }, htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/Rubrics/Edit/{draftId}?handler=Publish", new() { ["confirmed"] = "true" }, htmx: true)).StatusCode);

        Assert.Contains("Espresso dialling-in", (await manager.GetDocumentAsync($"/Observations/Log?employeeId={mia}")).QuerySelector(".skill-row")!.TextContent);
    }

    static async Task<HttpResponseMessage> PostAsync(Browser on, string url, string token, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(form.Append(new("__RequestVerificationToken", token))),
        };
        return await on.Client.SendAsync(request);
    }
}
