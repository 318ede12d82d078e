using DualRail.AspNetCore.Middleware;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DualRail.AspNetCore;

public static class DualRailApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the payment middleware. Place it after routing (WebApplication routes first by default) and
    /// after CORS and authentication, before the endpoints it prices.
    /// </summary>
    public static IApplicationBuilder UseDualRail(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService<IServiceProviderIsService>()?.IsService(typeof(DualRailMarkerService)) != true)
            throw new InvalidOperationException("UseDualRail needs the DualRail services: call builder.Services.AddDualRail(builder.Configuration) first.");
        return app.UseMiddleware<DualRailMiddleware>();
    }
}
