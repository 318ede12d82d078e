using System.Text;

namespace DualRail.Crypto.Tests;

public sealed class Keccak256Tests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("cow", "c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4")]
    [InlineData("x402-test-nonce-1", "5a02cfd560dd94c52badc9b1fea9ec5194a135a5681fed3a943a5e87d733f710")]
    [InlineData("Mail(Person from,Person to,string contents)Person(string name,address wallet)", "a0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2")]
    [InlineData("transfer(address,uint256)", "a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")]
    public void Hashes_match_known_vectors(string text, string expectedHex)
    {
        var data = Encoding.UTF8.GetBytes(text);
        Assert.Equal(expectedHex, Hex.Encode(Keccak256.Hash(data)));

        Span<byte> destination = stackalloc byte[32];
        Keccak256.Hash(data, destination);
        Assert.Equal(expectedHex, Hex.Encode(destination));
    }

    [Fact]
    public void Is_not_fips_sha3()
    {
        // SHA3-256("") differs from Keccak-256("") only by the padding byte.
        Assert.NotEqual("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Hex.Encode(Keccak256.Hash([])));
    }

    [Fact]
    public void Hashes_input_longer_than_one_rate_block()
    {
        // 200 bytes spans two 136-byte blocks; hashing the same data twice on one thread must agree.
        var data = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        var first = Keccak256.Hash(data);
        Assert.Equal(first, Keccak256.Hash(data));
        Assert.NotEqual(first, Keccak256.Hash(data.AsSpan(0, 199)));
    }

    [Fact]
    public void Refuses_a_short_destination()
    {
        var destination = new byte[31];
        Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], destination));
    }
}
