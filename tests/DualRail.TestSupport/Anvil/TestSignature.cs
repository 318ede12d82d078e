using System.Numerics;

namespace DualRail.TestSupport;

/// <summary>A 65-byte r ‖ s ‖ v signature split into the words the v,r,s overloads take.</summary>
public sealed record TestSignature(string Hex)
{
    // secp256k1 group order n.
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    public string R => Body[..64];

    public string S => Body[64..128];

    public byte V => Convert.ToByte(Body[128..130], 16);

    private string Body => Hex[2..];

    public object[] VrsWords() => [TestAbi.Uint(V), R, S];

    /// <summary>The same signature with s replaced by n − s and v flipped: valid for plain ecrecover, rejected by USDC.</summary>
    public TestSignature WithHighS()
    {
        var s = AnvilRpc.ParseQuantity("0x" + S);
        var highS = TestAbi.Uint(N - s);
        var v = V == 27 ? 28 : 27;
        return new TestSignature("0x" + R + highS + v.ToString("x2"));
    }

    public TestSignature WithV(byte v) => new("0x" + R + S + v.ToString("x2"));
}
