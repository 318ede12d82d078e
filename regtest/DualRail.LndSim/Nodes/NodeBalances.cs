namespace DualRail.LndSim.Nodes;

/// <summary>
/// A node's money: one aggregated channel side (local = can send, remote = can receive), in msat,
/// and an on-chain wallet in sat. A payment moves msat from the payer's local to its remote side
/// and from the payee's remote to its local side.
/// </summary>
public sealed class NodeBalances(long localMsat, long remoteMsat, long walletSat)
{
    private readonly Lock _lock = new();
    private long _localMsat = localMsat;
    private long _remoteMsat = remoteMsat;

    public long WalletSat { get; } = walletSat;

    public (long LocalMsat, long RemoteMsat) Channel
    {
        get
        {
            lock (_lock)
                return (_localMsat, _remoteMsat);
        }
    }

    /// <summary>Takes an outgoing HTLC's amount off the local side; false when it is not there.</summary>
    public bool TryDebit(long msat)
    {
        lock (_lock)
        {
            if (_localMsat < msat)
                return false;
            _localMsat -= msat;
            return true;
        }
    }

    /// <summary>Returns a failed HTLC's amount to the local side.</summary>
    public void Refund(long msat)
    {
        lock (_lock)
            _localMsat += msat;
    }

    /// <summary>The outgoing HTLC settled: its amount is now on the remote side.</summary>
    public void CompleteDebit(long msat)
    {
        lock (_lock)
            _remoteMsat += msat;
    }

    /// <summary>Whether the remote side can carry an incoming amount.</summary>
    public bool CanReceive(long msat)
    {
        lock (_lock)
            return _remoteMsat >= msat;
    }

    /// <summary>An incoming payment settled: remote side to local side.</summary>
    public void Credit(long msat)
    {
        lock (_lock)
        {
            _remoteMsat -= msat;
            _localMsat += msat;
        }
    }
}
