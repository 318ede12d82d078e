using System.Security.Cryptography;

namespace DualRail.LndSim.Nodes;

/// <summary>
/// A node's three macaroon files, as LND bakes them: admin (everything), invoice (invoices, address,
/// onchain:read) and readonly (every :read). The simulator does not implement macaroon HMAC chains:
/// a macaroon is accepted when its bytes equal one of these files, which has the same outcome for a
/// client that uses the files as they are.
/// </summary>
public sealed class NodeMacaroons
{
    private static readonly string[] Entities = ["address", "info", "invoices", "macaroon", "message", "offchain", "onchain", "peers", "signer"];

    private static readonly IReadOnlySet<LndPermission> InvoicePermissions = new HashSet<LndPermission>
    {
        LndPermission.InvoicesRead, LndPermission.InvoicesWrite,
        LndPermission.AddressRead, LndPermission.AddressWrite,
        LndPermission.OnchainRead,
    };

    private static readonly IReadOnlySet<LndPermission> ReadOnlyPermissions =
        Entities.Select(entity => new LndPermission(entity, "read")).ToHashSet();

    private static readonly IReadOnlySet<LndPermission> AdminPermissions =
        Entities.SelectMany(entity => new[] { new LndPermission(entity, "read"), new LndPermission(entity, "write") }).ToHashSet();

    public byte[] Admin { get; } = Bake();

    public byte[] Invoice { get; } = Bake();

    public byte[] ReadOnly { get; } = Bake();

    /// <summary>The permissions a presented macaroon carries, or null when it is not one of this node's.</summary>
    public IReadOnlySet<LndPermission>? PermissionsOf(ReadOnlySpan<byte> macaroon)
    {
        if (macaroon.SequenceEqual(Admin))
            return AdminPermissions;
        if (macaroon.SequenceEqual(Invoice))
            return InvoicePermissions;
        if (macaroon.SequenceEqual(ReadOnly))
            return ReadOnlyPermissions;
        return null;
    }

    // 0x02 is the macaroon v2 format byte LND's files start with; the rest is random.
    private static byte[] Bake()
    {
        var bytes = RandomNumberGenerator.GetBytes(96);
        bytes[0] = 0x02;
        return bytes;
    }
}
