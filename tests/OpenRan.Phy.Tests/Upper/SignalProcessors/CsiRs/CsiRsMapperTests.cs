using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.SignalProcessors.CsiRs;

namespace OpenRan.Phy.Tests.Upper.SignalProcessors.CsiRs;

/// <summary>
/// The CSI-RS mapper against TS 38.211 §7.4.1.5 written out independently here: Table 7.4.1.5.3-1 as the specification
/// prints it (row text "(k0,l0),(k1,l0),…"), the bitmap rule of §7.4.1.5.3, the covers of Tables 7.4.1.5.3-2..5, the
/// Gold sequence of §5.2.1 bit by bit, r(m) and c_init of §7.4.1.5.2, and a = β·w_f·w_t·r(m′).
/// </summary>
public class CsiRsMapperTests
{
    // TS 38.211 Table 7.4.1.5.3-1: row → (ports, cdm L, (k̄,l̄) list as printed, j per entry).
    private static readonly Dictionary<int, (int Ports, int L, string Locations, int[] J)> s_table = new()
    {
        [1] = (1, 1, "(k0,l0),(k0+4,l0),(k0+8,l0)", [0, 0, 0]),
        [2] = (1, 1, "(k0,l0)", [0]),
        [3] = (2, 2, "(k0,l0)", [0]),
        [4] = (4, 2, "(k0,l0),(k0+2,l0)", [0, 1]),
        [5] = (4, 2, "(k0,l0),(k0,l0+1)", [0, 1]),
        [6] = (8, 2, "(k0,l0),(k1,l0),(k2,l0),(k3,l0)", [0, 1, 2, 3]),
        [7] = (8, 2, "(k0,l0),(k1,l0),(k0,l0+1),(k1,l0+1)", [0, 1, 2, 3]),
        [8] = (8, 4, "(k0,l0),(k1,l0)", [0, 1]),
        [9] = (12, 2, "(k0,l0),(k1,l0),(k2,l0),(k3,l0),(k4,l0),(k5,l0)", [0, 1, 2, 3, 4, 5]),
        [10] = (12, 4, "(k0,l0),(k1,l0),(k2,l0)", [0, 1, 2]),
        [11] = (16, 2, "(k0,l0),(k1,l0),(k2,l0),(k3,l0),(k0,l0+1),(k1,l0+1),(k2,l0+1),(k3,l0+1)", [0, 1, 2, 3, 4, 5, 6, 7]),
        [12] = (16, 4, "(k0,l0),(k1,l0),(k2,l0),(k3,l0)", [0, 1, 2, 3]),
        [13] = (24, 2, "(k0,l0),(k1,l0),(k2,l0),(k0,l0+1),(k1,l0+1),(k2,l0+1),(k0,l1),(k1,l1),(k2,l1),(k0,l1+1),(k1,l1+1),(k2,l1+1)", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
        [14] = (24, 4, "(k0,l0),(k1,l0),(k2,l0),(k0,l1),(k1,l1),(k2,l1)", [0, 1, 2, 3, 4, 5]),
        [15] = (24, 8, "(k0,l0),(k1,l0),(k2,l0)", [0, 1, 2]),
        [16] = (32, 2, "(k0,l0),(k1,l0),(k2,l0),(k3,l0),(k0,l0+1),(k1,l0+1),(k2,l0+1),(k3,l0+1),(k0,l1),(k1,l1),(k2,l1),(k3,l1),(k0,l1+1),(k1,l1+1),(k2,l1+1),(k3,l1+1)", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]),
        [17] = (32, 4, "(k0,l0),(k1,l0),(k2,l0),(k3,l0),(k0,l1),(k1,l1),(k2,l1),(k3,l1)", [0, 1, 2, 3, 4, 5, 6, 7]),
        [18] = (32, 8, "(k0,l0),(k1,l0),(k2,l0),(k3,l0)", [0, 1, 2, 3]),
    };

    // row, bitmap, density, l0, l1, slot, n_ID; every row at least once, both half densities, several bitmaps.
    private static readonly (int Row, int Bitmap, CsiRsDensity Density, int L0, int L1, int Slot, int NId)[] s_cases =
    [
        (1, 0b0100, CsiRsDensity.Three, 6, 2, 3, 17),
        (2, 0b1000_0000_0000, CsiRsDensity.One, 10, 2, 3, 0),
        (2, 0b0000_0010_0000, CsiRsDensity.HalfOdd, 0, 2, 0, 1023),
        (3, 0b001000, CsiRsDensity.HalfEven, 13, 2, 7, 5),
        (4, 0b100, CsiRsDensity.One, 5, 2, 1, 9),
        (5, 0b000010, CsiRsDensity.One, 12, 2, 19, 511),
        (6, 0b111100, CsiRsDensity.One, 4, 2, 2, 3),
        (7, 0b100001, CsiRsDensity.One, 8, 2, 11, 77),
        (8, 0b010100, CsiRsDensity.One, 5, 2, 4, 300),
        (9, 0b111111, CsiRsDensity.One, 9, 2, 8, 12),
        (10, 0b101010, CsiRsDensity.One, 2, 2, 5, 45),
        (11, 0b110011, CsiRsDensity.HalfEven, 3, 2, 6, 8),
        (12, 0b011110, CsiRsDensity.HalfOdd, 7, 2, 9, 99),
        (13, 0b000111, CsiRsDensity.One, 2, 9, 10, 1),
        (14, 0b101001, CsiRsDensity.HalfEven, 5, 10, 12, 640),
        (15, 0b011100, CsiRsDensity.One, 8, 2, 13, 2),
        (16, 0b001111, CsiRsDensity.HalfOdd, 4, 11, 14, 333),
        (17, 0b110110, CsiRsDensity.One, 1, 8, 15, 1000),
        (18, 0b111001, CsiRsDensity.HalfEven, 6, 2, 16, 4),
    ];

    public static TheoryData<int, int, CsiRsDensity, int, int, int, int> Cases()
    {
        var data = new TheoryData<int, int, CsiRsDensity, int, int, int, int>();
        foreach (var c in s_cases)
        {
            data.Add(c.Row, c.Bitmap, c.Density, c.L0, c.L1, c.Slot, c.NId);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_EveryRow_MatchesSpecificationEquations(int row, int bitmap, CsiRsDensity density, int l0, int l1, int slot, int nId)
    {
        const int nStartGrid = 3, nSizeGrid = 40, startRb = 5, rbCount = 32;
        const double powerDb = -3;
        var configuration = new CsiRsConfiguration
        {
            RowNumber = row, FrequencyDomainAllocation = bitmap, Density = density, FirstSymbol = l0, FirstSymbol2 = l1,
            StartRb = startRb, RbCount = rbCount, ScramblingId = nId, PowerOffsetDb = powerDb,
        };
        Assert.Empty(configuration.Validate());
        (int ports, int cdmSize, string text, int[] groups) = s_table[row];
        var grid = new ResourceGrid(ports, 14, nSizeGrid * 12);
        grid.Configure(ports, 14, nSizeGrid, nStartGrid);
        new CsiRsMapper().Map(grid, configuration, slot);

        // Expected grid from the equations.
        var expected = new ComplexF32[ports, 14, nSizeGrid * 12];
        int[] k = FrequencyLocations(row, bitmap);
        (int KBar, int LBar)[] locations = ParseLocations(text, k, l0, l1);
        double rho = density switch { CsiRsDensity.Three => 3, CsiRsDensity.One => 1, _ => 0.5 };
        double alpha = ports == 1 ? rho : 2 * rho;
        float beta = (float)Math.Pow(10, powerDb / 20);
        int fSpan = cdmSize == 1 ? 1 : 2, tSpan = cdmSize switch { 4 => 2, 8 => 4, _ => 1 };
        for (int n = Math.Max(startRb, nStartGrid); n < Math.Min(startRb + rbCount, nStartGrid + nSizeGrid); n++)
        {
            if ((density == CsiRsDensity.HalfEven && n % 2 != 0) || (density == CsiRsDensity.HalfOdd && n % 2 == 0))
            {
                continue;
            }

            for (int e = 0; e < locations.Length; e++)
            {
                for (int s = 0; s < cdmSize; s++)
                {
                    int port = s + (groups[e] * cdmSize);
                    for (int kp = 0; kp < fSpan; kp++)
                    {
                        for (int lp = 0; lp < tSpan; lp++)
                        {
                            int m = (int)Math.Floor(n * alpha) + kp + (int)Math.Floor(locations[e].KBar * rho / 12);
                            int kk = (n * 12) + locations[e].KBar + kp - (nStartGrid * 12);
                            int l = locations[e].LBar + lp;
                            expected[port, l, kk] = Sequence(slot, l, nId, m) * (beta * Wf(cdmSize, s, kp) * Wt(cdmSize, s, lp));
                        }
                    }
                }
            }
        }

        int nonZero = 0;
        for (int p = 0; p < ports; p++)
        {
            for (int l = 0; l < 14; l++)
            {
                for (int kk = 0; kk < nSizeGrid * 12; kk++)
                {
                    ComplexF32 actual = grid[p, l, kk];
                    ComplexF32 want = expected[p, l, kk];
                    Assert.True((actual - want).Magnitude < 1e-6f, $"row {row} port {p} symbol {l} subcarrier {kk}: {actual} expected {want}");
                    nonZero += want.MagnitudeSquared > 0 ? 1 : 0;
                }
            }
        }

        Assert.True(nonZero > 0);
    }

    [Fact]
    public void Pattern_ReservedElements_CoverEveryCarriedElementOnce()
    {
        foreach ((int row, int bitmap, CsiRsDensity density, int l0, int l1, _, _) in s_cases)
        {
            var configuration = new CsiRsConfiguration { RowNumber = row, FrequencyDomainAllocation = bitmap, Density = density, FirstSymbol = l0, FirstSymbol2 = l1 };
            CsiRsPattern pattern = configuration.Pattern;
            // Distinct (k, l) per block = X·(REs per port per block)/L; every port has the same number of elements.
            var positions = pattern.Elements.ToArray().Select(e => (e.Subcarrier, e.Symbol)).Distinct().ToList();
            int perPort = pattern.Elements.ToArray().Count(e => e.Port == 0);
            Assert.Equal(pattern.PortCount * perPort / pattern.CdmGroupSize, positions.Count);
            Assert.All(Enumerable.Range(0, pattern.PortCount), p => Assert.Equal(perPort, pattern.Elements.ToArray().Count(e => e.Port == p)));
            // Every used subcarrier appears on every used symbol (the reserved-resource form the shared channel needs).
            Assert.Equal(positions.Count, System.Numerics.BitOperations.PopCount((uint)pattern.SubcarrierMask) * System.Numerics.BitOperations.PopCount((uint)pattern.SymbolMask));
        }
    }

    [Theory]
    [InlineData(1, 0b0001, CsiRsDensity.One)] // row 1 needs density 3
    [InlineData(4, 0b011, CsiRsDensity.One)] // row 4: exactly one bit of 3
    [InlineData(6, 0b000111, CsiRsDensity.One)] // row 6: four bits
    [InlineData(5, 0b000001, CsiRsDensity.HalfEven)] // row 5: density 1 only
    public void Validate_InconsistentRow_NamesTheProblem(int row, int bitmap, CsiRsDensity density)
    {
        var configuration = new CsiRsConfiguration { RowNumber = row, FrequencyDomainAllocation = bitmap, Density = density };
        IReadOnlyList<string> problems = configuration.Validate();
        Assert.NotEmpty(problems);
        Assert.Throws<ArgumentException>(() => configuration.Pattern);
    }

    [Fact]
    public void ZeroPower_ClearsTheResourceElements()
    {
        var nzp = new CsiRsConfiguration { RowNumber = 2, FrequencyDomainAllocation = 1 << 4, Density = CsiRsDensity.One, FirstSymbol = 9, RbCount = 24 };
        var grid = new ResourceGrid(1, 14, 24 * 12);
        grid.Configure(1, 14, 24);
        grid.Port(0).Fill(new ComplexF32(1, 1));
        new CsiRsMapper().Map(grid, nzp with { ZeroPower = true }, 0);
        for (int n = 0; n < 24; n++)
        {
            Assert.Equal(default, grid[0, 9, (n * 12) + 4]);
            Assert.Equal(new ComplexF32(1, 1), grid[0, 9, (n * 12) + 5]);
        }
    }

    [Fact]
    public void Trs_FourResourcesInTwoSlots()
    {
        IReadOnlyList<CsiRsConfiguration> trs = TrsResourceSet.Create(5, 2, 0, 52, 20, 4, 7);
        Assert.Equal([5, 9, 5, 9], trs.Select(r => r.FirstSymbol));
        Assert.Equal([4, 4, 5, 5], trs.Select(r => r.OffsetSlots));
        Assert.All(trs, r => Assert.Equal((1, CsiRsDensity.Three, 1 << 2), (r.RowNumber, r.Density, r.FrequencyDomainAllocation)));
        Assert.True(trs[2].IsTransmitted(1, 5, 20));
        Assert.False(trs[2].IsTransmitted(1, 4, 20));
    }

    // --- TS 38.211 written out ---

    private static int[] FrequencyLocations(int row, int bitmap)
    {
        // §7.4.1.5.3: row 1 [b3..b0] k = f(i); row 2 [b11..b0] k = f(i); row 4 [b2..b0] k = 4f(i); other rows [b5..b0] k = 2f(i).
        int bits = row switch { 1 => 4, 2 => 12, 4 => 3, _ => 6 };
        int factor = row switch { 1 or 2 => 1, 4 => 4, _ => 2 };
        return [.. Enumerable.Range(0, bits).Where(b => ((bitmap >> b) & 1) == 1).Select(b => b * factor)];
    }

    private static (int KBar, int LBar)[] ParseLocations(string text, int[] k, int l0, int l1)
    {
        var result = new List<(int, int)>();
        foreach (string pair in text.Split("),(", StringSplitOptions.None))
        {
            string[] parts = pair.Trim('(', ')').Split(',');
            result.Add((Term(parts[0], 'k', i => k[i]), Term(parts[1], 'l', i => i == 0 ? l0 : l1)));
        }

        return [.. result];

        static int Term(string term, char symbol, Func<int, int> value)
        {
            // "k0", "k0+4", "l1+1"
            string[] sides = term.Split('+');
            int index = int.Parse(sides[0].TrimStart(symbol), System.Globalization.CultureInfo.InvariantCulture);
            return value(index) + (sides.Length > 1 ? int.Parse(sides[1], System.Globalization.CultureInfo.InvariantCulture) : 0);
        }
    }

    private static int Wf(int cdmSize, int s, int kPrime) => cdmSize == 1 || kPrime == 0 || s % 2 == 0 ? 1 : -1;

    private static int Wt(int cdmSize, int s, int lPrime)
    {
        // Table 7.4.1.5.3-4: s = 2, 3 flip l′ = 1. Table 7.4.1.5.3-5 rows as printed.
        if (cdmSize == 4)
        {
            return lPrime == 1 && s >= 2 ? -1 : 1;
        }

        if (cdmSize == 8)
        {
            int[][] wt = [[1, 1, 1, 1], [1, 1, 1, 1], [1, -1, 1, -1], [1, -1, 1, -1], [1, 1, -1, -1], [1, 1, -1, -1], [1, -1, -1, 1], [1, -1, -1, 1]];
            return wt[s][lPrime];
        }

        return 1;
    }

    private static ComplexF32 Sequence(int slot, int l, int nId, int m)
    {
        long cInit = ((1L << 10) * ((14L * slot) + l + 1) * ((2 * nId) + 1) + nId) % (1L << 31);
        int c0 = Gold(cInit, 2 * m), c1 = Gold(cInit, (2 * m) + 1);
        float a = 1 / MathF.Sqrt(2);
        return new ComplexF32(a * (1 - (2 * c0)), a * (1 - (2 * c1)));
    }

    private static readonly Dictionary<long, int[]> s_gold = [];

    private static int Gold(long cInit, int n)
    {
        // TS 38.211 §5.2.1, bit by bit: x1(0) = 1, x2 from c_init, N_c = 1600 (memoised per c_init, 4096 values).
        if (!s_gold.TryGetValue(cInit, out int[]? c))
        {
            const int nc = 1600, length = 4096;
            var x1 = new int[nc + length + 31];
            var x2 = new int[nc + length + 31];
            x1[0] = 1;
            for (int i = 0; i < 31; i++)
            {
                x2[i] = (int)((cInit >> i) & 1);
            }

            for (int i = 0; i < nc + length; i++)
            {
                x1[i + 31] = (x1[i + 3] + x1[i]) % 2;
                x2[i + 31] = (x2[i + 3] + x2[i + 2] + x2[i + 1] + x2[i]) % 2;
            }

            c = [.. Enumerable.Range(0, length).Select(i => (x1[i + nc] + x2[i + nc]) % 2)];
            s_gold[cInit] = c;
        }

        return c[n];
    }
}
