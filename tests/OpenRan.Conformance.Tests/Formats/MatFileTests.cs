using System;
using System.IO;
using OpenRan.Conformance.Formats;
using OpenRan.TestSupport;

namespace OpenRan.Conformance.Tests.Formats;

public partial class MatFileTests
{
    [Fact]
    public void Load_MibVector_ReadsStructFieldsAndBits()
    {
        string path = VectorCases.RequireFile("py5gphy_matlab/pbch/mib/mib_testvec_2_sfn_1023.mat");
        MatFile mat = MatFile.Load(path);
        var burst = Assert.IsType<MatStructArray>(mat["burst"]);
        Assert.Equal(23, burst.Numeric("kSSB").ScalarInt32);
        Assert.Equal(255, burst.Numeric("PDCCHConfigSIB1").ScalarInt32);
        Assert.Equal(1023, mat.Numeric("sfn").ScalarInt32);
        byte[] mib = mat.Numeric("mib").ToBits();
        Assert.Equal(24, mib.Length);
        Assert.Equal([0, 1, 1, 1, 1, 1, 1, 1], mib[..8]);
    }

    [Fact]
    public void Load_BaseGraphMat1_AgreesWithDerivedNpyTable()
    {
        // The same TS 38.212 Table 5.3.2-2 in two formats: MATLAB column-major MAT vs numpy C-order NPY.
        string mat1 = VectorCases.RequireFile("py5gphy_matlab/ldpc_base_graph_tables/BG1S3.mat1");
        string npy = VectorCases.RequireFile("derived/ldpc_bg1_dense_int16.npy");
        MatNumericArray bg = MatFile.Load(mat1).Numeric("BG");
        NpyArray dense = NpyArray.Load(npy);
        Assert.Equal([46, 68], bg.Dimensions);
        Assert.Equal([8, 46, 68], dense.Shape);
        for (int r = 0; r < 46; r++)
        {
            for (int c = 0; c < 68; c++)
            {
                Assert.Equal(dense[3, r, c], bg[r, c]);
            }
        }

        Assert.Equal(223, bg[0, 0]); // TS 38.212 Table 5.3.2-2, row 0, column 0, i_LS = 3.
    }

    [Fact]
    public void Load_OfdmVector_ReadsComplexRowVector()
    {
        string path = VectorCases.RequireFile("py5gphy_matlab/ofdm/dl_lowphy/nrDL_lowphy_testvec_8_scs_15khz_BW_40CarrierFrequency3800.mat");
        MatFile mat = MatFile.Load(path);
        Assert.Equal(61.44e6, mat.Numeric("SampleRate").ScalarDouble);
        MatNumericArray waveform = mat.Numeric("waveform");
        Assert.True(waveform.IsComplex);
        Assert.Equal(1, waveform.Rows);
        Assert.Equal(122880, waveform.Columns);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Parse_SyntheticFile_ReadsEveryClassAndStorageType(bool bigEndian, bool compress)
    {
        var w = new MatWriter(bigEndian);
        w.Add(w.Numeric("d", 6, [2, 3], 9, [1, 2, 3, 4, 5, 6]), compress)                 // double stored as double
         .Add(w.Numeric("u8asd", 6, [1, 3], 2, [0, 255, 7]), compress)                    // double stored as uint8 (MATLAB compaction)
         .Add(w.Numeric("i16", 10, [1, 2], 3, [-32768, 32767]), compress)
         .Add(w.Numeric("s", 7, [1, 1], 7, [0.25]), compress)                             // small element
         .Add(w.Numeric("i64", 14, [1, 2], 12, [-(1L << 40), 1L << 52]), compress)
         .Add(w.Numeric("z", 6, [1, 2], 9, [1, -3], [2, 4]), compress)
         .Add(w.Numeric("flag", 9, [1, 2], 2, [1, 0], logical: true), compress)
         .Add(w.Char("text", "NR-FR1-TM1.1"), compress)
         .Add(w.Cell("c", [1, 2], w.Numeric(string.Empty, 6, [1, 1], 9, [42]), w.Char(string.Empty, "ab")), compress)
         .Add(w.Struct("cfg", ["NSizeGrid", "Label"], w.Numeric(string.Empty, 6, [1, 1], 9, [273]), w.Char(string.Empty, "x")), compress);
        MatFile mat = MatFile.Parse(w.ToArray(), "synthetic.mat");

        MatNumericArray d = mat.Numeric("d");
        Assert.Equal(2, d.Rows);
        Assert.Equal(3, d.Columns);
        Assert.Equal(3, d[0, 1]);                       // column-major: column 1 holds 3, 4
        Assert.Equal([2, 4, 6], d.RowReal(1));
        Assert.Equal([0, 255, 7], mat.Numeric("u8asd").ToInt32Array());
        Assert.Equal([-32768, 32767], mat.Numeric("i16").ToInt32Array());
        Assert.Equal(0.25, mat.Numeric("s").ScalarDouble);
        Assert.Equal([-(double)(1L << 40), 1L << 52], mat.Numeric("i64").ToDoubleArray());
        Assert.Equal(new System.Numerics.Complex(-3, 4), mat.Numeric("z").ToComplexArray()[1]);
        Assert.True(mat.Numeric("flag").IsLogical);
        Assert.Equal("NR-FR1-TM1.1", Assert.IsType<MatCharArray>(mat["text"]).Text);
        var cell = Assert.IsType<MatCellArray>(mat["c"]);
        Assert.Equal(42, Assert.IsType<MatNumericArray>(cell.Cells[0]).ScalarInt32);
        Assert.Equal("ab", Assert.IsType<MatCharArray>(cell.Cells[1]).Text);
        var cfg = Assert.IsType<MatStructArray>(mat["cfg"]);
        Assert.Equal(273, cfg.Numeric("NSizeGrid").ScalarInt32);
        Assert.Equal(["NSizeGrid", "Label"], cfg.FieldNames);
    }

    [Fact]
    public void Parse_TruncatedRealFile_ThrowsNamingFileAndProblem()
    {
        string path = VectorCases.RequireFiles("py5gphy_matlab/pbch/pbch", "*.mat")[0];
        byte[] bytes = File.ReadAllBytes(path);
        foreach (int length in new[] { 0, 100, 130, 140, bytes.Length / 2, bytes.Length - 1 })
        {
            var ex = Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(bytes.AsSpan(0, length), "cut.mat"));
            Assert.Equal("cut.mat", ex.FilePath);
            Assert.False(string.IsNullOrWhiteSpace(ex.Problem));
        }
    }

    [Fact]
    public void Parse_CorruptCompressedData_ThrowsInsteadOfReturningZeros()
    {
        var w = new MatWriter();
        byte[] file = w.Add(w.Numeric("x", 6, [1, 64], 9, new double[64]), compress: true).ToArray();
        for (int i = 140; i < file.Length; i += 3)
        {
            file[i] ^= 0x5A;
        }

        Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(file, "corrupt.mat"));
    }

    [Fact]
    public void Parse_WrongHeaderOrVersion_ThrowsWithReason()
    {
        var notMat = new byte[200];
        Assert.Contains("MATLAB", Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(notMat, "x.mat")).Problem, StringComparison.Ordinal);
        byte[] v73 = new MatWriter().ToArray();
        System.Text.Encoding.ASCII.GetBytes("MATLAB 7.3 MAT-file").CopyTo(v73, 0);
        Assert.Contains("HDF5", Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(v73, "x.mat")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DimensionsDisagreeWithData_Throws()
    {
        var w = new MatWriter();
        byte[] file = w.Add(w.Numeric("x", 6, [1, 5], 9, [1, 2, 3]), compress: false).ToArray();
        Assert.Contains("dimensions need 5", Assert.Throws<ReferenceDataFormatException>(() => MatFile.Parse(file, "x.mat")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_MissingVariable_ListsThosePresent()
    {
        var w = new MatWriter();
        MatFile mat = MatFile.Parse(w.Add(w.Numeric("present", 6, [1, 1], 9, [1]), false).ToArray(), "x.mat");
        var ex = Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => mat["absent"]);
        Assert.Contains("present", ex.Message, StringComparison.Ordinal);
    }
}
