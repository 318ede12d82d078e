namespace DualRail.Client.Policy;

internal enum SpendUnit
{
    Usd,
    Millisatoshi,
}
