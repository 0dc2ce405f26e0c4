using System.Diagnostics;
using Coaching.Domain.Time;
using Microsoft.Data.Sqlite;

namespace Coaching.Tests.Summaries;

/// <summary>
/// The operator command as a real process, killed (SIGKILL) half way through a week's batch, then run again:
/// the second run finishes the week and the SMTP server has exactly one summary per employee.
/// </summary>
public sealed class KilledBatchTests : IDisposable
{
    readonly SmtpServer smtp = new();
    readonly string database = Path.Combine(Path.GetTempPath(), $"coaching-killed-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_batch_killed_half_way_is_finished_by_the_next_run_with_no_duplicates()
    {
        var week = IsoWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Previous;
        smtp.DelayEachMessage(TimeSpan.FromSeconds(1));

        using (var first = Start("summaries", "send", "--week", week.ToString()))
        {
            var until = DateTime.UtcNow.AddSeconds(90);
            // Kill it while a message is on the wire and not yet accepted, after a few have gone.
            while (!(smtp.Count() >= 3 && smtp.IsReceiving) && DateTime.UtcNow < until && !first.HasExited) await Task.Delay(20);
            if (first.HasExited) Assert.Fail("the first run ended before it could be killed: " + await first.StandardError.ReadToEndAsync());
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var afterKill = smtp.Count();
        Assert.InRange(afterKill, 3, 10);
        Assert.True(await CountAsync(week, "Status = 0") > 0, "nothing was left pending by the killed run");

        smtp.DelayEachMessage(null);
        await Task.Delay(TimeSpan.FromSeconds(3.5)); // the dead run's claims go stale (Summaries:ClaimTimeout below)
        using var second = Start("summaries", "send", "--week", week.ToString());
        var output = await second.StandardOutput.ReadToEndAsync();
        await second.WaitForExitAsync();

        Assert.True(second.ExitCode == 0, output + await second.StandardError.ReadToEndAsync());
        var recipients = smtp.Messages().Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.True(recipients.Count > afterKill);
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
        Assert.Equal(recipients.Count, await CountAsync(week, "Status = 1"));
        Assert.Equal(0, await CountAsync(week, "Status = 0 OR ClaimedBy IS NOT NULL"));
    }

    Process Start(params string[] args)
    {
        // The web project's own build output, run from its folder (its appsettings are the content root's).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var project = FindProjectFolder();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(project, "bin", configuration, "net10.0", "Coaching.Web.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__Coaching"] = $"Data Source={database}";
        info.Environment["Smtp__Host"] = "127.0.0.1";
        info.Environment["Smtp__Port"] = smtp.Port.ToString();
        info.Environment["Summaries__QuietWeeks"] = "AlwaysSend";
        info.Environment["Summaries__ClaimTimeout"] = "00:00:03";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(info)!;
    }

    static string FindProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Coaching.Web", "Coaching.Web.csproj"))) return Path.Combine(dir.FullName, "Coaching.Web");
        throw new InvalidOperationException("Coaching.Web not found above the test output");
    }

    async Task<long> CountAsync(IsoWeek week, string condition)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM SummaryDeliveries WHERE Week = $week AND ({condition})";
        command.Parameters.AddWithValue("$week", week.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        smtp.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(database + suffix); } catch (IOException) { }
    }
}
