using System.Diagnostics;

namespace Coaching.Web.Features.Summaries;

/// <summary>
/// Spans of a summary batch, by phase, so a trace (and <c>bench summaries</c>) shows where a batch spends its time.
/// Nothing is recorded unless something listens.
/// </summary>
public static class SummaryTracing
{
    public const string SourceName = "Coaching.Summaries";
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Claiming a chunk of delivery rows.</summary>
    public const string Claim = "summaries.claim";
    /// <summary>Reading a chunk's records and composing its summaries.</summary>
    public const string Compose = "summaries.compose";
    /// <summary>Rendering a chunk's PDFs and building its messages (in parallel).</summary>
    public const string Render = "summaries.render";
    /// <summary>Handing one message to the mail server (or the outbox).</summary>
    public const string Send = "summaries.send";
    /// <summary>Renewing a claim or recording one delivery's result.</summary>
    public const string Record = "summaries.record";
}
