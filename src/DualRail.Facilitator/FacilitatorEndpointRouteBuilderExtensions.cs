using DualRail.Facilitator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualRail.Facilitator;

public static class FacilitatorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the x402 facilitator API under <paramref name="prefix"/>: POST /verify, POST /settle and
    /// GET /supported. Returns the group so callers can add authorization, rate limiting and so on.
    /// </summary>
    public static RouteGroupBuilder MapDualRailFacilitator(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/verify", FacilitatorEndpoints.VerifyAsync).WithName("DualRailFacilitatorVerify");
        group.MapPost("/settle", FacilitatorEndpoints.SettleAsync).WithName("DualRailFacilitatorSettle");
        group.MapGet("/supported", FacilitatorEndpoints.Supported).WithName("DualRailFacilitatorSupported");
        return group;
    }
}
