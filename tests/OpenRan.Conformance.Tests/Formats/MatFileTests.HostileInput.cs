using System;
using System.IO;
using OpenRan.Conformance.Formats;

namespace OpenRan.Conformance.Tests.Formats;

// Hostile and corrupt MAT-files (issue 13 §3): every declared size is checked before anything is allocated for it.
public partial class MatFileTests
{
    private const long AllocationAllowance = 16L << 20;

    [Fact]
    public void Parse_CellDimensions2Pow31Minus1In184Bytes_ThrowsBeforeAllocating()
    {
        var w = new MatWriter();
        byte[] file = w.Add(w.Cell("c", [int.MaxValue, 1]), compress: false).ToArray();
        Assert.Equal(184, file.Length);

        var ex = AssertThrowsWithinAllowance(file, "cells.mat");
        Assert.Equal("cells.mat", ex.FilePath);
        Assert.Contains("variable 'c'", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("2147483647", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StructDimensions2Pow31Minus1_ThrowsBeforeAllocating()
    {
        var w = new MatWriter();
        byte[] file = w.Add(w.StructArray("s", [int.MaxValue, 1], ["a"]), compress: false).ToArray();
        Assert.InRange(file.Length, 184, 240);

        var ex = AssertThrowsWithinAllowance(file, "struct.mat");
        Assert.Contains("variable 's'", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StructOf5e7ElementsWithoutFields_LoadsWithoutPerElementMemory()
    {
        // 208 bytes that used to grow to 3 GB: a struct without fields stores nothing per element.
        var w = new MatWriter();
        byte[] file = w.Add(w.StructArray("s", [50_000_000, 1], []), compress: false).ToArray();
        Assert.True(file.Length <= 208, $"{file.Length} bytes");

        long before = GC.GetAllocatedBytesForCurrentThread();
        MatFile mat = MatFile.Parse(file, "big-struct.mat");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var s = Assert.IsType<MatStructArray>(mat["s"]);
        Assert.Equal(50_000_000, s.Count);
        Assert.Empty(s.FieldNames);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Parse_StructBeyondTheElementLimit_Throws()
    {
        var w = new MatWriter();
        byte[] file = w.Add(w.StructArray("s", [200_000_000, 1], []), compress: false).ToArray();
        var ex = AssertThrowsWithinAllowance(file, "huge-struct.mat");
        Assert.Contains("MaxElementCount", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CompressedElementDeclaring2GB_ThrowsBeforeInflating()
    {
        // A decompression bomb: 2.1 GB of zeros behind a miMATRIX tag that declares them, deflated to about 2 MB.
        const uint Declared = 2_100_000_000;
        var w = new MatWriter();
        byte[] bomb = DeflateBomb.Zlib(w.TagOnly(14, Declared), Declared);
        byte[] file = w.AddCompressedBytes(bomb).ToArray();
        Assert.True(file.Length < 3 << 20, $"{file.Length} bytes");

        var ex = AssertThrowsWithinAllowance(file, "bomb.mat");
        Assert.Contains("compressed element at offset 128", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("MaxDecompressedBytes", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CompressedElementInflatingFarPastItsContent_StopsAtTheDeclaredSize()
    {
        // A valid variable followed, inside the same zlib stream, by 1 GiB of zeros: only the declared bytes are inflated.
        var w = new MatWriter();
        byte[] variable = w.Numeric("x", 6, [1, 2], 9, [1.5, -2]);
        byte[] file = w.AddCompressedBytes(DeflateBomb.Zlib(variable, 1L << 30)).ToArray();

        long before = GC.GetAllocatedBytesForCurrentThread();
        MatFile mat = MatFile.Parse(file, "tail-bomb.mat");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal([1.5, -2], mat.Numeric("x").ToDoubleArray());
        Assert.True(allocated < AllocationAllowance, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Parse_CompressedElementsBeyondTheFileCap_ThrowsNamingTheElement()
    {
        var w = new MatWriter();
        for (int i = 0; i < 3; i++)
        {
            w.Add(w.Numeric($"x{i}", 6, [1, 1 << 17], 9, new double[1 << 17]), compress: true);
        }

        byte[] file = w.ToArray();
        var limits = ReferenceDataLimits.Default with { MaxDecompressedBytes = 2L << 20 };
        var ex = Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(file, "three.mat", limits));
        Assert.Contains("compressed element at offset", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("MaxDecompressedBytes", ex.Problem, StringComparison.Ordinal);
        Assert.Equal(3, MatFile.Parse(file, "three.mat").Variables.Count);
    }

    [Fact]
    public void Parse_DimensionProductOverflowing64Bits_Throws()
    {
        // 65536^4 = 2^64 wraps to 0 in 64-bit arithmetic; the product must be checked, not wrapped.
        var w = new MatWriter();
        byte[] file = w.Add(w.Numeric("x", 6, [65536, 65536, 65536, 65536], 9, []), compress: false).ToArray();
        var ex = Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(file, "overflow.mat"));
        Assert.Contains("18446744073709551616 elements", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreDimensionsThanTheLimit_Throws()
    {
        var w = new MatWriter();
        int[] dims = new int[65];
        Array.Fill(dims, 1);
        byte[] file = w.Add(w.Numeric("x", 6, dims, 9, [1]), compress: false).ToArray();
        Assert.Contains("65 dimensions", Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(file, "dims.mat")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CorruptZlib_SaysTheDataIsCorrupt()
    {
        var w = new MatWriter();
        byte[] file = w.Add(w.Numeric("x", 6, [1, 64], 9, new double[64]), compress: true).ToArray();
        file[^20] ^= 0xFF;
        file[^21] ^= 0xFF;
        file[^40] ^= 0xFF;

        var ex = Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(file, "corrupt.mat"));
        Assert.Contains("compressed element at offset 128", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("corrupt", ex.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("unsupported compression method", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_CompressedElementCutShort_SaysHowMuchInflated()
    {
        var w = new MatWriter();
        byte[] whole = new MatWriter().Add(w.Numeric("x", 6, [1, 4096], 9, new double[4096]), compress: true).ToArray();
        byte[] zlib = whole[136..];
        byte[] file = new MatWriter().AddCompressedBytes(zlib[..(zlib.Length / 2)]).ToArray();
        var ex = Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(file, "cut.mat"));
        Assert.Contains("compressed element", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateStructFieldOrVariable_Throws()
    {
        var w = new MatWriter();
        byte[] one = w.Numeric(string.Empty, 6, [1, 1], 9, [1]);
        byte[] fields = w.Add(w.Struct("s", ["a", "a"], one, one), compress: false).ToArray();
        Assert.Contains("field name 'a' appears twice", Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(fields, "f.mat")).Problem, StringComparison.Ordinal);

        var v = new MatWriter();
        byte[] twice = v.Add(v.Numeric("x", 6, [1, 1], 9, [1]), false).Add(v.Numeric("x", 6, [1, 1], 9, [2]), true).ToArray();
        Assert.Contains("variable 'x' is stored a second time", Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(twice, "v.mat")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CellsNestedTooDeep_Throws()
    {
        var w = new MatWriter();
        byte[] inner = w.Numeric(string.Empty, 6, [1, 1], 9, [1]);
        for (int i = 0; i < 70; i++)
        {
            inner = w.Cell(string.Empty, [1, 1], inner);
        }

        byte[] file = w.Add(w.Cell("deep", [1, 1], inner), compress: false).ToArray();
        Assert.Contains("nested deeper", Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(file, "deep.mat")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Directory_SaysItIsADirectory()
    {
        string dir = Directory.CreateTempSubdirectory("openran-mat").FullName;
        try
        {
            string path = Path.Combine(dir, "x.mat");
            Directory.CreateDirectory(path);
            var ex = Assert.Throws<ReferenceDataFormatException>(() => MatFile.Load(path));
            Assert.Equal(path, ex.FilePath);
            Assert.Contains("is a directory", ex.Problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Load_FileLargerThanTheLimit_ThrowsBeforeReading()
    {
        string dir = Directory.CreateTempSubdirectory("openran-mat").FullName;
        try
        {
            string path = Path.Combine(dir, "big.mat");
            File.WriteAllBytes(path, new byte[4096]);
            var ex = Assert.Throws<ReferenceDataFormatException>(() => MatFile.Load(path, ReferenceDataLimits.Default with { MaxFileBytes = 1000 }));
            Assert.Contains("MaxFileBytes", ex.Problem, StringComparison.Ordinal);
            Assert.Throws<FileNotFoundException>(() => MatFile.Load(Path.Combine(dir, "absent.mat")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static ReferenceDataFormatException AssertThrowsWithinAllowance(byte[] file, string name)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(file, name));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < AllocationAllowance, $"{allocated} bytes allocated before the error: {ex.Message}");
        return ex;
    }
}
