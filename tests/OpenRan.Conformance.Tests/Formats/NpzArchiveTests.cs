using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using OpenRan.Conformance.Formats;

namespace OpenRan.Conformance.Tests.Formats;

// Hostile and corrupt NPZ archives (issue 13 §3): member sizes are checked before inflating and inflation stops at them.
public class NpzArchiveTests
{
    private static byte[] OneDouble => NpyArrayTests.Npy("<f8", false, [1], BitConverter.GetBytes(2.5));

    [Fact]
    public void Parse_MemberDeclaring2GiB_ThrowsBeforeInflating()
    {
        // A decompression bomb: an .npy header for 2^28 doubles and the 2 GiB of zeros it declares, deflated to about 2 MB.
        byte[] header = NpyArrayTests.Npy("<f8", false, [1 << 28], []);
        long inflated = header.Length + (1L << 31);
        byte[] zip = new ZipBuilder().Add("x.npy", DeflateBomb.Raw(header, 1L << 31), 8, (uint)inflated).ToArray();
        Assert.True(zip.Length < 3 << 20, $"{zip.Length} bytes");

        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<ReferenceDataFormatException>(() => NpzArchive.Parse(zip, "bomb.npz"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20);
        Assert.Equal("bomb.npz", ex.FilePath);
        Assert.Contains("member 'x.npy'", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("MaxDecompressedBytes", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MemberInflatingBeyondItsDeclaredSize_StopsThereAndThrows()
    {
        // Declares 200 bytes, inflates to 1 GiB: only the 200 bytes are inflated, and they are not a whole .npy file.
        byte[] zip = new ZipBuilder().Add("x.npy", DeflateBomb.Raw(OneDouble, 1L << 30), 8, 200).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<ReferenceDataFormatException>(() => NpzArchive.Parse(zip, "liar.npz"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20);
        Assert.Equal("liar.npz[x.npy]", ex.FilePath);
        Assert.Contains("unexpected bytes after the 8 data bytes", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MemberInflatingToLessThanDeclared_Throws()
    {
        byte[] zip = new ZipBuilder().Add("x.npy", DeflateBomb.Raw(OneDouble, 0), 8, 4096).ToArray();
        Assert.Contains("inflates to only", Assert.Throws<ReferenceDataFormatException>(() => NpzArchive.Parse(zip, "short.npz")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CorruptDeflateData_SaysTheMemberIsCorrupt()
    {
        byte[] deflated = DeflateBomb.Raw(OneDouble, 4096);
        for (int i = 4; i < deflated.Length - 4; i += 2)
        {
            deflated[i] ^= 0xA5;
        }

        byte[] zip = new ZipBuilder().Add("x.npy", deflated, 8, (uint)(OneDouble.Length + 4096)).ToArray();
        var ex = Assert.Throws<ReferenceDataFormatException>(() => NpzArchive.Parse(zip, "corrupt.npz"));
        Assert.Contains("member 'x.npy'", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("corrupt", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MemberStoredTwice_Throws()
    {
        byte[] zip = new ZipBuilder().Add("x.npy", OneDouble, 0, (uint)OneDouble.Length).Add("x.npy", OneDouble, 0, (uint)OneDouble.Length).ToArray();
        Assert.Contains("member 'x.npy' is stored twice", Assert.Throws<ReferenceDataFormatException>(() => NpzArchive.Parse(zip, "twice.npz")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MembersTogetherBeyondTheDecompressedLimit_ThrowsNamingTheMember()
    {
        var builder = new ZipBuilder();
        byte[] member = NpyArrayTests.Npy("<f8", false, [1 << 16], new byte[8 << 16]);
        for (int i = 0; i < 5; i++)
        {
            builder.Add($"m{i}.npy", DeflateBomb.Raw(member, 0), 8, (uint)member.Length);
        }

        byte[] zip = builder.ToArray();
        Assert.Equal(5, NpzArchive.Parse(zip, "five.npz").Names.Count);
        var limits = ReferenceDataLimits.Default with { MaxDecompressedBytes = (3L * member.Length) + 100 };
        var ex = Assert.Throws<ReferenceDataFormatException>(() => NpzArchive.Parse(zip, "five.npz", limits));
        Assert.Contains("member 'm3.npy'", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAZip_ThrowsNamingTheFile()
    {
        var ex = Assert.Throws<ReferenceDataFormatException>(() => NpzArchive.Parse(Encoding.ASCII.GetBytes("PK not really a zip"), "junk.npz"));
        Assert.Equal("junk.npz", ex.FilePath);
        Assert.Contains("zip", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StoredArchiveWrittenByDotNet_ReadsMembers()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using Stream s = zip.CreateEntry("a.npy", CompressionLevel.Optimal).Open();
            s.Write(OneDouble);
        }

        Assert.Equal(2.5, NpzArchive.Parse(buffer.ToArray(), "ok.npz")["a"].ScalarDouble);
    }
}
