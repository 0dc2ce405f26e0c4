using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Coaching.Web.Infrastructure;

/// <summary>
/// What a tablet on a shop floor's Wi-Fi downloads. Static files are served by <c>MapStaticAssets</c> from the build's
/// manifest: compressed once at build/publish (Brotli at the highest quality, gzip), each under an address that carries
/// its fingerprint (the layout's tag helpers write it) and cached for a year as immutable, so a manager's second page
/// fetches only its HTML; the plain address still answers, revalidated by ETag. Pages are compressed per response: the
/// BREACH attack needs a secret repeated in the body next to text the attacker controls, and the only secret in a page,
/// the antiforgery token, is masked afresh in every response.
/// </summary>
public static class PageWeight
{
    public static IServiceCollection AddPageWeight(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });
        // Pages and partials only: static files come precompressed from the build.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Serves the files the build made, in every environment. UseStaticWebAssets finds them where the build left them
    /// (the repository's wwwroot, the precompressed copies under obj/), not only in Development; a publish has no such
    /// manifest and serves its own wwwroot/. ReloadStaticAssetsAtRuntime is off because ASP.NET Core 10.0.12 compares a
    /// file's modification time to the tick with the manifest's, kept to the second, so it takes every file for edited
    /// and sends an uncompressed gzip copy under the Brotli header, which a browser cannot read. A wwwroot edit shows
    /// after a build (dotnet watch builds on save).
    /// </summary>
    public static WebApplicationBuilder UseBuiltStaticAssets(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        return builder;
    }

    /// <summary>
    /// The static files listed in Coaching.Web.staticwebassets.endpoints.json (the web root at the repository root, see
    /// Coaching.Web.csproj). Anyone may fetch them: the sign-in page needs its stylesheet before anyone is signed in.
    /// </summary>
    public static IEndpointConventionBuilder MapPageAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapStaticAssets().AllowAnonymous();
}
