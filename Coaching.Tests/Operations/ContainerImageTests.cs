using System.Diagnostics;
using System.Text.Json;

namespace Coaching.Tests.Operations;

/// <summary>
/// The container image as the SDK would build it (scripts/container-image.sh), read from MSBuild without building or
/// pulling anything: a base with time zone data and ICU, a non-root user, port 8080, and the database and outbox on the
/// one volume that user may write.
/// </summary>
public sealed class ContainerImageTests
{
    static async Task<JsonElement> ContainerConfigAsync()
    {
        var project = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Coaching.Web", "Coaching.Web.csproj"))) { project = Path.Combine(dir.FullName, "Coaching.Web", "Coaching.Web.csproj"); break; }
        var info = new ProcessStartInfo("dotnet", ["msbuild", project, "-nologo", "-t:ComputeContainerConfig", "-p:Configuration=Release",
            "-p:RuntimeIdentifier=linux-x64", "-getProperty:ContainerBaseImage", "-getProperty:ContainerUser",
            "-getItem:ContainerEnvironmentVariable", "-getItem:ContainerPort"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var msbuild = Process.Start(info)!;
        var output = msbuild.StandardOutput.ReadToEndAsync();
        var error = msbuild.StandardError.ReadToEndAsync();
        await msbuild.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(msbuild.ExitCode == 0, await output + await error);
        return JsonDocument.Parse(await output).RootElement;
    }

    [Fact]
    public async Task The_image_runs_as_a_non_root_user_on_port_8080_over_a_base_with_time_zones_and_keeps_its_data_in_that_users_home()
    {
        var config = await ContainerConfigAsync();
        var properties = config.GetProperty("Properties");
        var environment = config.GetProperty("Items").GetProperty("ContainerEnvironmentVariable").EnumerateArray()
            .ToDictionary(e => e.GetProperty("Identity").GetString()!, e => e.GetProperty("Value").GetString()!);

        // Not "-chiseled": chiseled images carry neither tzdata nor ICU, and Organisation:TimeZone needs the first.
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-noble", properties.GetProperty("ContainerBaseImage").GetString());
        Assert.Equal("1654", properties.GetProperty("ContainerUser").GetString()); // the base image's "app" user
        Assert.Equal("8080", Assert.Single(config.GetProperty("Items").GetProperty("ContainerPort").EnumerateArray()).GetProperty("Identity").GetString());
        Assert.Equal("8080", environment["ASPNETCORE_HTTP_PORTS"]); // what Kestrel listens on, whatever the base sets
        // /app belongs to root in the image: the app writes only under /home/app, the volume README "Container" names.
        Assert.Equal("Data Source=/home/app/data/coaching.db", environment["ConnectionStrings__Coaching"]);
        Assert.StartsWith("/home/app/", environment["Summaries__Outbox"]);
    }
}
