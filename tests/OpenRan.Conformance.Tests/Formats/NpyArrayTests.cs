using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using OpenRan.Conformance.Formats;
using OpenRan.TestSupport;

namespace OpenRan.Conformance.Tests.Formats;

public partial class NpyArrayTests
{
    /// <summary>Builds .npy bytes following numpy's format description (independently of the reader).</summary>
    internal static byte[] Npy(string descr, bool fortran, int[] shape, byte[] data, int version = 1, string? rawDescr = null)
    {
        string shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string dict = $"{{'descr': {rawDescr ?? $"'{descr}'"}, 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shapeText}, }}";
        int preamble = version == 1 ? 10 : 12;
        int total = preamble + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        string header = dict + new string(' ', padded - total) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.Add((byte)version);
        bytes.Add(0);
        if (version == 1)
        {
            bytes.Add((byte)(header.Length & 0xFF));
            bytes.Add((byte)(header.Length >> 8));
        }
        else
        {
            var len = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(len, (uint)header.Length);
            bytes.AddRange(len);
        }

        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    private static byte[] Doubles(params double[] v)
    {
        var b = new byte[8 * v.Length];
        for (int i = 0; i < v.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(8 * i), v[i]);
        }

        return b;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parse_CAndFortranOrder_GiveTheSameCOrderValues(int version)
    {
        // The 2x3 matrix [[1,2,3],[4,5,6]]: C order stores 1..6, Fortran order stores 1,4,2,5,3,6.
        NpyArray c = NpyArray.Parse(Npy("<f8", false, [2, 3], Doubles(1, 2, 3, 4, 5, 6), version), "c.npy");
        NpyArray f = NpyArray.Parse(Npy("<f8", true, [2, 3], Doubles(1, 4, 2, 5, 3, 6), version), "f.npy");
        Assert.Equal(c.ToDoubleArray(), f.ToDoubleArray());
        Assert.Equal(6, f[1, 2]);
        Assert.True(f.WasFortranOrder);
    }

    [Fact]
    public void Parse_ThreeDimensionalFortran_TransposesAllAxes()
    {
        // Shape (2,2,2); Fortran storage index = i + 2j + 4k holds value 100i + 10j + k.
        var values = new double[8];
        for (int k = 0; k < 2; k++)
        {
            for (int j = 0; j < 2; j++)
            {
                for (int i = 0; i < 2; i++)
                {
                    values[i + (2 * j) + (4 * k)] = (100 * i) + (10 * j) + k;
                }
            }
        }

        NpyArray a = NpyArray.Parse(Npy("<f8", true, [2, 2, 2], Doubles(values)), "f3.npy");
        Assert.Equal(110, a[1, 1, 0]);
        Assert.Equal(101, a[1, 0, 1]);
        Assert.Equal(11, a[0, 1, 1]);
    }

    [Theory]
    [InlineData("|b1", new byte[] { 1, 0 }, 1.0, 0.0)]
    [InlineData("|i1", new byte[] { 0xFF, 0x7F }, -1.0, 127.0)]
    [InlineData("|u1", new byte[] { 0xFF, 0x01 }, 255.0, 1.0)]
    [InlineData("<i2", new byte[] { 0x00, 0x80, 0xFF, 0x7F }, -32768.0, 32767.0)]
    [InlineData("<u2", new byte[] { 0xFF, 0xFF, 0x01, 0x00 }, 65535.0, 1.0)]
    [InlineData(">i2", new byte[] { 0x80, 0x00, 0x00, 0x02 }, -32768.0, 2.0)]
    [InlineData("<i4", new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0x05, 0, 0, 0 }, -2.0, 5.0)]
    [InlineData("<i8", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x03, 0, 0, 0, 0, 0, 0, 0 }, -1.0, 3.0)]
    [InlineData("<f2", new byte[] { 0x00, 0x3C, 0x00, 0xC0 }, 1.0, -2.0)]
    [InlineData("<f4", new byte[] { 0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0 }, 1.0, -2.0)]
    [InlineData(">f8", new byte[] { 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0 }, 1.0, -2.0)]
    public void Parse_EveryRealDtype_ReadsValues(string descr, byte[] data, double first, double second)
    {
        NpyArray a = NpyArray.Parse(Npy(descr, false, [2], data), "d.npy");
        Assert.Equal([first, second], a.ToDoubleArray());
    }

    [Fact]
    public void Parse_Complex64And128_ReadBothParts()
    {
        var c8 = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(c8, 1.5f);
        BinaryPrimitives.WriteSingleLittleEndian(c8.AsSpan(4), -2.5f);
        Assert.Equal(new System.Numerics.Complex(1.5, -2.5), NpyArray.Parse(Npy("<c8", false, [1], c8), "c8.npy").ToComplexArray()[0]);
        NpyArray c16 = NpyArray.Parse(Npy("<c16", false, [1], Doubles(0.25, 4)), "c16.npy");
        Assert.Equal(new System.Numerics.Complex(0.25, 4), c16.ToComplexArray()[0]);
    }

    [Fact]
    public void Parse_ScalarShape_HasOneElement()
    {
        NpyArray a = NpyArray.Parse(Npy("<f8", false, [], Doubles(7)), "s.npy");
        Assert.Equal(7, a.ScalarDouble);
    }

    [Fact]
    public void Parse_Malformed_ThrowsWithReason()
    {
        byte[] good = Npy("<f8", false, [3], Doubles(1, 2, 3));
        Assert.Contains("magic", Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(new byte[20], "a.npy")).Problem, StringComparison.Ordinal);
        Assert.Contains("truncated", Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(good.AsSpan(0, good.Length - 1), "b.npy")).Problem, StringComparison.Ordinal);
        Assert.Contains("truncated", Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(good.AsSpan(0, 40), "c.npy")).Problem, StringComparison.Ordinal);
        Assert.Contains("not supported", Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(Npy("<M8", false, [1], new byte[8]), "d.npy")).Problem, StringComparison.Ordinal);
        Assert.Contains("not supported", Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(Npy("|O", false, [1], new byte[8]), "e.npy")).Problem, StringComparison.Ordinal);
        byte[] structured = Npy(string.Empty, false, [1], new byte[8], rawDescr: "[('a', '<f8')]");
        Assert.Contains("structured", Assert.Throws<ReferenceDataFormatException>(() => NpyArray.Parse(structured, "f.npy")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DerivedBaseGraph_HasShapeAndKnownEntry()
    {
        NpyArray bg2 = NpyArray.Load(VectorCases.RequireFile("derived/ldpc_bg2_dense_int16.npy"));
        Assert.Equal([8, 42, 52], bg2.Shape);
        Assert.Equal(9, bg2[0, 0, 0]);   // TS 38.212 Table 5.3.2-3, row 0, column 0, i_LS = 0.
        Assert.Equal(-1, bg2[0, 0, 4]);  // no edge
    }

    [Fact]
    public void Load_SionnaDmrsFortranComplex_HasShape()
    {
        NpyArray dmrs = NpyArray.Load(VectorCases.RequireFile("sionna/nr/pusch_dmrs/reference_dmrs_1.npy"));
        Assert.True(dmrs.WasFortranOrder);
        Assert.True(dmrs.IsComplex);
        Assert.Equal([16, 120], dmrs.Shape);
        // Pilots are QPSK scaled by β = √3 (3 CDM groups without data, TS 38.214 Table 6.2.2-1), stored divided by √3
        // (README §1.9): every stored value is a unit-magnitude QPSK point.
        foreach (System.Numerics.Complex v in dmrs.ToComplexArray())
        {
            Assert.Equal(1, v.Magnitude, 9);
            Assert.Equal(1 / Math.Sqrt(2), Math.Abs(v.Real), 6);
        }
    }

    [Fact]
    public void LoadNpz_TbEncoderCase_ListsMembersAndReadsThem()
    {
        string path = VectorCases.RequireFiles("sionna/nr/tb_encoder", "*.npz")[0];
        NpzArchive npz = NpzArchive.Load(path);
        Assert.Contains("u_ref", npz.Names);
        Assert.Contains("c_ref_no_scr", npz.Names);
        Assert.Equal(1, npz["u_ref"].Shape[0]);
        Assert.All(npz["c_ref"].ToBits(), b => Assert.True(b <= 1));
        Assert.Contains("u_ref", Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => npz["nope"]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadNpz_BrokenArchives_ThrowWithReason()
    {
        string dir = Directory.CreateTempSubdirectory("openran-npz").FullName;
        try
        {
            string notZip = Path.Combine(dir, "not.npz");
            File.WriteAllBytes(notZip, [1, 2, 3, 4]);
            Assert.Equal(notZip, Assert.Throws<ReferenceDataFormatException>(() => NpzArchive.Load(notZip)).FilePath);

            string badMember = Path.Combine(dir, "bad.npz");
            using (ZipArchive zip = ZipFile.Open(badMember, ZipArchiveMode.Create))
            {
                using Stream s = zip.CreateEntry("x.npy").Open();
                s.Write(Npy("<f8", false, [4], Doubles(1, 2)));
            }

            Assert.Contains("x.npy", Assert.Throws<ReferenceDataFormatException>(() => NpzArchive.Load(badMember)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
