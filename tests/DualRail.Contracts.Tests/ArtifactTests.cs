using DualRail.TestSupport;

namespace DualRail.Contracts.Tests;

public sealed class ArtifactTests
{
    [Fact]
    public async Task Committed_artifacts_match_a_fresh_compile_of_the_sources()
    {
        NodeTooling.Require("solc", "soljson.js");
        var freshDir = Directory.CreateTempSubdirectory("dualrail-contracts-");
        try
        {
            var (exitCode, output) = await ChildProcess.RunAsync(
                NodeTooling.Node,
                [RepoRoot.Combine("regtest", "contracts", "build.mjs"), "--out", freshDir.FullName],
                TimeSpan.FromMinutes(3));
            Assert.True(exitCode == 0, $"build.mjs failed ({exitCode}):\n{output}");

            var committedDir = RepoRoot.Combine("regtest", "contracts", "out");
            var fresh = freshDir.GetFiles("*.json").Select(f => f.Name).Order().ToList();
            var committed = Directory.GetFiles(committedDir, "*.json").Select(f => Path.GetFileName(f)!).Order().ToList();
            Assert.Equal(["DualRailTestWallet.json", "DualRailToken.json"], fresh);
            Assert.Equal(fresh, committed);
            foreach (var name in fresh)
            {
                var expected = await File.ReadAllTextAsync(Path.Combine(freshDir.FullName, name));
                var actual = await File.ReadAllTextAsync(Path.Combine(committedDir, name));
                Assert.True(expected == actual, $"regtest/contracts/out/{name} is stale: run `node regtest/contracts/build.mjs` and commit the result.");
            }
        }
        finally
        {
            freshDir.Delete(recursive: true);
        }
    }
}
