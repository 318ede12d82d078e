namespace DualRail.Integration.Tests.Regtest;

[CollectionDefinition(Name)]
public sealed class RegtestCollection : ICollectionFixture<RegtestStack>
{
    public const string Name = "regtest compose stack";
}
