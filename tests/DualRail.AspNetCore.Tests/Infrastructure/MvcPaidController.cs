using DualRail.AspNetCore.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace DualRail.AspNetCore.Tests.Infrastructure;

[ApiController]
[Route("mvc")]
public sealed class MvcPaidController : ControllerBase
{
    [HttpGet("report")]
    [RequirePayment("$0.05", Description = "An MVC report")]
    public string Report() => "mvc report";

    [HttpGet("open")]
    public string Open() => "mvc open";
}
