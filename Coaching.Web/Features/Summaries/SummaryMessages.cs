using Coaching.Domain.Summaries;
using Coaching.Domain.Time;
using Coaching.Web.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coaching.Web.Features.Summaries;

/// <summary>Someone a chunk of a batch writes to: their delivery row (none for a preview) and their address.</summary>
public sealed record SummaryRecipientRow(int DeliveryId, int EmployeeId, IsoWeek Week, bool IsActive, string? Email, int Attempts = 0);

/// <summary>
/// What a recipient comes to before anything is sent: a message ready to go, or why nothing is sent: skipped (with
/// the reason the log shows), a problem with the address (permanent), or an error composing or rendering.
/// </summary>
public sealed record OutgoingSummary(SummaryRecipientRow To, MimeMessage? Message, string? Skipped = null, string? AddressProblem = null, Exception? Error = null);

/// <summary>
/// Turns a chunk of recipients into messages: the chunk's summaries are composed with a few queries for all of them
/// (<see cref="ComposeAsync"/>, on the scope's database context), and the PDFs rendered in parallel, as many at once as
/// the machine has cores (<see cref="RenderAsync"/>, no database: it may run while the previous chunk is being sent).
/// Nothing here sends or records anything, so the delivery rules (claim, send, record, one message at a time) stay
/// where they are.
/// </summary>
public sealed class SummaryMessages(SummarySources sources, SummaryMailer mailer, TimeProvider clock,
    IOptions<SummariesOptions> options, IOptions<OrganisationOptions> org, ILogger<SummaryMessages> logger)
{
    /// <summary>A chunk composed: what each recipient comes to so far, and the summaries still to render.</summary>
    public sealed record ComposedChunk(IReadOnlyList<SummaryRecipientRow> Recipients, OutgoingSummary?[] Outgoing,
        IReadOnlyDictionary<int, (WeeklySummary Summary, MailboxAddress To)> ToRender);

    public async Task<IReadOnlyList<OutgoingSummary>> PrepareAsync(IReadOnlyList<SummaryRecipientRow> chunk, bool preview, CancellationToken ct) =>
        await RenderAsync(await ComposeAsync(chunk, ct), preview, ct);

    public async Task<ComposedChunk> ComposeAsync(IReadOnlyList<SummaryRecipientRow> chunk, CancellationToken ct)
    {
        var outgoing = new OutgoingSummary?[chunk.Count];
        var addresses = new Dictionary<int, MailboxAddress>();
        for (var i = 0; i < chunk.Count; i++)
        {
            var r = chunk[i];
            if (SummaryRecipient.SkipReason(r.IsActive, r.Email) is { } skip) outgoing[i] = new(r, null, Skipped: skip);
            else if (SummaryRecipient.EmailProblem(r.Email!) is { } problem) outgoing[i] = new(r, null, AddressProblem: problem);
            else if (!MailboxAddress.TryParse(r.Email!.Trim(), out var to)) outgoing[i] = new(r, null, AddressProblem: $"The email address \"{r.Email}\" is malformed.");
            else addresses[i] = to;
        }

        var summaries = new Dictionary<int, (WeeklySummary, MailboxAddress)>();
        using var composing = SummaryTracing.Source.StartActivity(SummaryTracing.Compose);
        foreach (var week in addresses.Keys.GroupBy(i => chunk[i].Week))
        {
            IReadOnlyDictionary<int, WeeklySummary>? composed = null;
            try { composed = await sources.ComposeManyAsync(week.Select(i => chunk[i].EmployeeId).ToList(), week.Key, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One person's records broke the chunk: compose each alone below, so only theirs fails.
                logger.LogWarning(ex, "Composing a chunk of {Count} summaries of {Week} failed; composing them one by one", week.Count(), week.Key);
            }
            foreach (var i in week)
            {
                WeeklySummary? summary;
                if (composed is not null) summary = composed.GetValueOrDefault(chunk[i].EmployeeId);
                else
                {
                    try { summary = await sources.ComposeAsync(chunk[i].EmployeeId, week.Key, ct); }
                    catch (Exception ex) when (ex is not OperationCanceledException) { outgoing[i] = new(chunk[i], null, Error: ex); continue; }
                }
                if (summary is null || !summary.ShouldSend(options.Value.QuietWeeks)) outgoing[i] = new(chunk[i], null, Skipped: SummaryRecipient.NothingToSayReason);
                else summaries[i] = (summary, addresses[i]);
            }
        }

        return new(chunk, outgoing, summaries);
    }

    public async Task<IReadOnlyList<OutgoingSummary>> RenderAsync(ComposedChunk composed, bool preview, CancellationToken ct)
    {
        // Rendering is the CPU work of a batch: one PDF per core at a time. The fonts and the shaping cache are shared and
        // safe to read from several threads; each document has its own canvas and font subsets.
        var (chunk, outgoing) = (composed.Recipients, composed.Outgoing.ToArray());
        using var rendering = SummaryTracing.Source.StartActivity(SummaryTracing.Render);
        var now = clock.GetUtcNow().UtcDateTime;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(composed.ToRender, parallel, (item, _) =>
        {
            var (i, (summary, to)) = item;
            try { outgoing[i] = new(chunk[i], Message(chunk[i], summary, to, preview, now)); }
            catch (Exception ex) { outgoing[i] = new(chunk[i], null, Error: ex); }
            return ValueTask.CompletedTask;
        });
        return outgoing.Select(o => o!).ToList();
    }

    MimeMessage Message(SummaryRecipientRow r, WeeklySummary summary, MailboxAddress to, bool preview, DateTime now)
    {
        to.Name = summary.EmployeeName;
        var pdf = SummaryPdf.Render(summary, org.Value.Name, options.Value.Paper, now, logger);
        var message = SummaryEmail.Build(summary, pdf, mailer.From, to, $"{options.Value.PortalUrl.TrimEnd('/')}/MySummary?week={r.Week}", org.Value.Name, preview);
        // One Message-ID per employee and week: should the one unavoidable resend happen (a crash between the
        // server's "accepted" and our "Sent"), mail clients see the same message again and show it once.
        if (!preview)
            message.MessageId = $"development-summary.{r.EmployeeId}.{r.Week}@{(mailer.From.Address.Split('@') is [_, var domain] ? domain : "coaching.local")}";
        return message;
    }
}
