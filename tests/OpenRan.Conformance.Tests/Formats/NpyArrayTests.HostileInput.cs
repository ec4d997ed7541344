using System;
using System.Buffers.Binary;
using System.IO;
using OpenRan.Conformance.Formats;

namespace OpenRan.Conformance.Tests.Formats;

// Hostile and corrupt NPY files (issue 13 §3): the header length and the shape are checked before anything is allocated.
public partial class NpyArrayTests
{
    [Fact]
    public void Parse_14BytesWithHeaderLength0x7FFFFFFF_ThrowsHeaderLimit()
    {
        byte[] file = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0, 0xFF, 0xFF, 0xFF, 0x7F, (byte)'{', (byte)'}'];
        Assert.Equal(14, file.Length);
        var ex = Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(file, "h.npy"));
        Assert.Equal("h.npy", ex.FilePath);
        Assert.Contains("header length is 2147483647 bytes", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("MaxNpyHeaderBytes", ex.Problem, StringComparison.Ordinal);

        // Under the header limit but beyond the bytes present: truncated, not an out-of-range slice.
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), 5000);
        Assert.Contains("truncated", Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(file, "h.npy")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShapeProductOverflowing64Bits_Throws()
    {
        // 2^30 · 2^30 · 16 = 2^64 wraps to 0 elements in 64-bit arithmetic, which would match an empty data section.
        byte[] file = Npy("<f8", false, [1 << 30, 1 << 30, 16], []);
        var ex = Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(file, "o.npy"));
        Assert.Contains("18446744073709551616 elements", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShapeBeyondTheElementLimit_ThrowsBeforeAllocating()
    {
        byte[] file = Npy("<f8", false, [100_000_000], Doubles(1));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(file, "big.npy"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        Assert.Contains("MaxElementCount", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreDimensionsThanTheLimit_Throws()
    {
        int[] shape = new int[65];
        Array.Fill(shape, 1);
        byte[] file = Npy("<f8", false, shape, Doubles(1));
        Assert.Contains("65 dimensions", Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(file, "d.npy")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ZeroDimensionWithHugeOthers_IsAnEmptyArray()
    {
        NpyArray a = NpyArray.Parse(Npy("<f8", true, [int.MaxValue, 0, int.MaxValue], []), "e.npy");
        Assert.Equal(0, a.Count);
    }

    [Fact]
    public void Parse_FourDimensionalFortran_MatchesCOrder()
    {
        int[] shape = [2, 3, 1, 4];
        var c = new double[24];
        var f = new double[24];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                for (int l = 0; l < 4; l++)
                {
                    double v = (100 * i) + (10 * j) + l;
                    c[(((i * 3) + j) * 4) + l] = v;
                    f[i + (2 * (j + (3 * l)))] = v;
                }
            }
        }

        Assert.Equal(NpyArray.Parse(Npy("<f8", false, shape, Doubles(c)), "c.npy").ToDoubleArray(), NpyArray.Parse(Npy("<f8", true, shape, Doubles(f)), "f.npy").ToDoubleArray());
    }

    [Fact]
    public void Load_Directory_SaysItIsADirectory()
    {
        string dir = Directory.CreateTempSubdirectory("openran-npy").FullName;
        try
        {
            string path = Path.Combine(dir, "x.npy");
            Directory.CreateDirectory(path);
            Assert.Contains("is a directory", Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Load(path)).Problem, StringComparison.Ordinal);
            string npz = Path.Combine(dir, "x.npz");
            Directory.CreateDirectory(npz);
            Assert.Contains("is a directory", Assert.Throws<ReferenceDataFormatException>(() => NpzArchive.Load(npz)).Problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
