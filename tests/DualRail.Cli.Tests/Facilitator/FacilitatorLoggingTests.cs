using DualRail.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualRail.Cli.Tests.Facilitator;

/// <summary>
/// `dualrail facilitator` logs at Information unless Logging:LogLevel:Default (e.g. the environment's
/// Logging__LogLevel__Default) says otherwise; an embedding caller's explicit level wins over both.
/// </summary>
public sealed class FacilitatorLoggingTests
{
    [Theory]
    [InlineData(null, null, true)]
    [InlineData("Warning", null, false)]
    [InlineData("Debug", LogLevel.Warning, false)]
    [InlineData("Warning", LogLevel.Information, true)]
    public async Task InformationIsLoggedOnlyWhenTheLevelAllowsIt(string? configured, LogLevel? explicitLevel, bool informationLogged)
    {
        var settings = new Dictionary<string, string?>();
        if (configured is not null)
            settings["Logging:LogLevel:Default"] = configured;
        await using var app = FacilitatorApp.Build([], settings, explicitLevel);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DualRail.Facilitator.Settlement");
        Assert.Equal(informationLogged, logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task TheLevelCanComeFromTheCommandLine()
    {
        await using var app = FacilitatorApp.Build(["--Logging:LogLevel:Default=Error"]);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DualRail.Facilitator");
        Assert.False(logger.IsEnabled(LogLevel.Warning));
        Assert.True(logger.IsEnabled(LogLevel.Error));
    }
}
