using System;
using System.Collections.Generic;
using System.Numerics;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.Prach;

namespace OpenRan.Phy.Tests.Upper.Channels.Prach;

public class PrachPreambleSetTests
{
    [Theory]
    [InlineData(139, 1)]
    [InlineData(571, 37)]
    [InlineData(839, 59)]
    [InlineData(1151, 97)]
    public void FrequencyDomain_ClosedForm_EqualsTheDirectDftForEveryRoot(int length, int rootStep)
    {
        // Every root of L_RA = 139, every rootStep-th root of the longer sequences (the direct sum is O(L²)).
        var closed = new Complex[length];
        var direct = new Complex[length];
        double worst = 0;
        for (int u = 1; u < length; u += rootStep)
        {
            PrachSequence.FrequencyDomain(u, length, closed);
            PrachSequence.DirectDft(u, length, direct);
            for (int n = 0; n < length; n++)
            {
                worst = Math.Max(worst, (closed[n] - direct[n]).Magnitude);
            }
        }

        // |y| = √L; both are double precision sums of L terms.
        Assert.True(worst < 1e-9 * length, $"largest difference {worst:e2}");
    }

    [Fact]
    public void Sequence_FrequencyDomainIsTheDftOfTheShiftedZadoffChu()
    {
        const int length = 139;
        const int u = 7;
        const int shift = 23;
        var x = new Complex[length];
        PrachSequence.TimeDomain(u, length, x);
        var root = new Complex[length];
        PrachSequence.FrequencyDomain(u, length, root);
        var y = new ComplexF32[length];
        PrachSequence.Shift(root, shift, y);
        for (int n = 0; n < length; n++)
        {
            Complex expected = Complex.Zero;
            for (int m = 0; m < length; m++)
            {
                expected += x[(m + shift) % length] * Complex.FromPolarCoordinates(1, -2 * Math.PI * m * n / length);
            }

            Assert.Equal(expected.Real, y[n].Re, 1e-3);
            Assert.Equal(expected.Imaginary, y[n].Im, 1e-3);
            Assert.Equal(Math.Sqrt(length), y[n].Magnitude, 1e-3);
        }
    }

    [Fact]
    public void Unrestricted_Ncs13_GivesOneRootWith64Shifts()
    {
        var set = new PrachPreambleSet(839, 22, 13, PrachRestrictedSet.Unrestricted);
        Assert.Single(set.Roots);
        Assert.Equal(1, set.Roots[0]);
        Assert.Equal(32 * 13, set[32].CyclicShift);
        Assert.All(Indices(), p => Assert.Equal(22, set[p].LogicalRootIndex));
    }

    [Fact]
    public void Unrestricted_WrapsAroundTheLogicalRootIndices()
    {
        // N_CS 69 at L 139: 2 preambles per root, 32 roots from logical index 130 wrapping to 0.
        var set = new PrachPreambleSet(139, 130, 69, PrachRestrictedSet.Unrestricted);
        Assert.Equal(32, set.Roots.Count);
        Assert.Equal(130, set[0].LogicalRootIndex);
        Assert.Equal(69, set[1].CyclicShift);
        Assert.Equal(137, set[15].LogicalRootIndex);
        Assert.Equal(0, set[16].LogicalRootIndex);
        Assert.Equal(Ts38211Table6_3_3_1_4.SequenceNumber(0), set[16].SequenceNumber);
    }

    [Fact]
    public void NcsZero_UsesOneRootPerPreamble()
    {
        var set = new PrachPreambleSet(839, 837, 0, PrachRestrictedSet.Unrestricted);
        Assert.Equal(64, set.Roots.Count);
        Assert.Equal(837, set[0].LogicalRootIndex);
        Assert.Equal(0, set[1].LogicalRootIndex);
        Assert.All(Indices(), p => Assert.Equal(0, set[p].CyclicShift));
        Assert.Equal(839, set.ZoneLength);
    }

    public static TheoryData<PrachRestrictedSet, int> RestrictedCases()
    {
        var data = new TheoryData<PrachRestrictedSet, int>();
        foreach (PrachRestrictedSet set in new[] { PrachRestrictedSet.TypeA, PrachRestrictedSet.TypeB })
        {
            for (int zcz = 0; zcz < 16; zcz++)
            {
                if (Ts38211Table6_3_3_1_5.IsDefined(zcz, set))
                {
                    data.Add(set, Ts38211Table6_3_3_1_5.Get(zcz, set));
                }

                if (Ts38211Table6_3_3_1_6.IsDefined(zcz, set))
                {
                    data.Add(set, Ts38211Table6_3_3_1_6.Get(zcz, set));
                }
            }
        }

        return data;
    }

    /// <summary>
    /// The defining property of the restricted sets (TS 38.211 §6.3.3.1): for every root and N_CS of Tables 6.3.3.1-5/-6,
    /// the zones [C_v, C_v + N_CS) of a root's preambles and their Doppler aliases (±d_u for type A; ±d_u, ±2d_u for type
    /// B) never overlap another preamble's — a wrong d_start, n_shift or d̄_start formula breaks it.
    /// </summary>
    [Theory]
    [MemberData(nameof(RestrictedCases))]
    public void RestrictedSets_ZonesAndDopplerAliasesDoNotOverlap(PrachRestrictedSet set, int nCs)
    {
        const int length = 839;
        var shifts = new List<int>();
        var owner = new int[length];
        int roots = 0;
        for (int u = 1; u < length; u++)
        {
            shifts.Clear();
            PrachCyclicShifts.Append(u, length, nCs, set, shifts);
            if (shifts.Count == 0)
            {
                continue;
            }

            roots++;
            int du = PrachCyclicShifts.DopplerShift(u, length);
            int[] aliases = set == PrachRestrictedSet.TypeA ? [0, du, -du] : [0, du, -du, 2 * du, -2 * du];
            Array.Fill(owner, -1);
            for (int v = 0; v < shifts.Count; v++)
            {
                Assert.InRange(shifts[v], 0, length - 1);
                foreach (int a in aliases)
                {
                    for (int t = 0; t < nCs; t++)
                    {
                        int position = (((shifts[v] + a + t) % length) + length) % length;
                        Assert.True(owner[position] < 0 || owner[position] == v, $"u {u}, N_CS {nCs}: preamble {v} overlaps {owner[position]} at {position}");
                        owner[position] = v;
                    }
                }
            }
        }

        Assert.True(roots > 100, $"only {roots} roots have shifts");
    }

    [Fact]
    public void DopplerShift_IsTheInverseModL()
    {
        for (int u = 1; u < 139; u++)
        {
            int du = PrachCyclicShifts.DopplerShift(u, 139);
            Assert.True((du * u % 139) is 1 or 138, $"u {u}: d_u {du}");
            Assert.InRange(du, 1, 69);
        }
    }

    [Fact]
    public void Restricted_WithShortSequence_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new PrachPreambleSet(139, 0, 2, PrachRestrictedSet.TypeA));
        Assert.Equal("restrictedSet", error.ParamName);
    }

    private static IEnumerable<int> Indices()
    {
        for (int p = 0; p < PrachPreambleSet.PreambleCount; p++)
        {
            yield return p;
        }
    }
}
