using System;
using System.Linq;
using CsCheck;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Tests.Upper;

public class DemodulationMapperTests
{
    public static TheoryData<ModulationScheme> Schemes() =>
        [ModulationScheme.Pi2Bpsk, ModulationScheme.Bpsk, ModulationScheme.Qpsk, ModulationScheme.Qam16, ModulationScheme.Qam64, ModulationScheme.Qam256, ModulationScheme.Qam1024];

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Demodulate_Noiseless_HardDecisionsEqualBits(ModulationScheme scheme)
    {
        int qm = scheme.BitsPerSymbol();
        Gen.Byte[0, 1].Array[qm * 37].Sample(bits =>
        {
            var symbols = new ComplexF32[37];
            ModulationMapper.Map(bits, scheme, symbols, symbolIndexOffset: 3);
            var noise = new float[37];
            Array.Fill(noise, 0.01f);
            var llrs = new sbyte[bits.Length];
            DemodulationMapperFactory.Create().Demodulate(symbols, noise, scheme, llrs, symbolIndexOffset: 3);
            var decided = new byte[bits.Length];
            LogLikelihoodRatio.HardDecision(llrs, decided);
            Assert.Equal(bits, decided);
        }, seed: "0N0XIzNsQ0O2", iter: 50);
    }

    public static TheoryData<string, ModulationScheme> VectorImplementations()
    {
        var data = new TheoryData<string, ModulationScheme>();
        foreach (string implementation in new[] { DemodulationMapperAvx2.ImplementationName, DemodulationMapperAvx512.ImplementationName })
        {
            foreach (ModulationScheme scheme in Enum.GetValues<ModulationScheme>())
            {
                data.Add(implementation, scheme);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorImplementations))]
    public void Vector_MatchesGenericBitExactly_AllLengthsAndErasures(string implementation, ModulationScheme scheme)
    {
        IDemodulationMapper vector = CreateOrSkip(implementation, 3.5f);
        var generic = new DemodulationMapperGeneric(3.5f);
        var random = new Random(11);

        // Every length 0 .. 4·16 + 3 (all vector widths, every tail), two start offsets.
        for (int length = 0; length <= (4 * 16) + 3; length++)
        {
            var symbols = new ComplexF32[length + 1];
            var noise = new float[length + 1];
            for (int i = 0; i < symbols.Length; i++)
            {
                symbols[i] = new ComplexF32((float)((random.NextDouble() * 3) - 1.5), (float)((random.NextDouble() * 3) - 1.5));
                noise[i] = (i % 7) switch
                {
                    0 => 0f,
                    1 => float.PositiveInfinity,
                    2 => float.NaN,
                    _ => (float)(random.NextDouble() * 0.5) + 1e-4f,
                };
            }

            for (int offset = 0; offset <= 1 && offset <= length; offset++)
            {
                AssertSame(generic, vector, symbols.AsSpan(offset, length), noise.AsSpan(offset, length), scheme, $"length {length}, offset {offset}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(VectorImplementations))]
    public void Vector_MatchesGenericBitExactly_ExtremeValuesAndIntervalBoundaries(string implementation, ModulationScheme scheme)
    {
        IDemodulationMapper vector = CreateOrSkip(implementation, DemodulationMapperFactory.DefaultLlrScale);
        var generic = new DemodulationMapperGeneric(DemodulationMapperFactory.DefaultLlrScale);
        int qm = scheme.BitsPerSymbol();

        // Axis values: specials, huge and tiny magnitudes, and every interval boundary 2k/norm of the scheme's axis
        // (TS 38.211 §5.1 levels scaled to odd integers) with its float neighbours, on both signs.
        var axis = new System.Collections.Generic.List<float>
        {
            0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.MinValue, 1e30f, -1e30f,
            float.Epsilon, -float.Epsilon, 1e-40f, -1e-40f, 1e-20f, -1e-20f, 3f, -3f, 100f, -100f,
        };
        int m = Math.Max(1, qm / 2);
        double halfScale = Math.Sqrt(2.0 * ((1 << (2 * m)) - 1) / 3.0) / 2.0;
        for (int k = -(1 << m); k <= 1 << m; k++)
        {
            float boundary = (float)(k / halfScale);
            axis.AddRange([boundary, MathF.BitIncrement(boundary), MathF.BitDecrement(boundary), (float)(k / (float)halfScale)]);
        }

        float[] sigmas = [0.1f, 1e-3f, 0.37f, 2f, 0f, -1f, float.NaN, float.PositiveInfinity, 1e-40f, float.Epsilon, 1e-30f, 1e30f, float.MaxValue];
        var random = new Random(5);
        const int length = 4099;
        var symbols = new ComplexF32[length];
        var noise = new float[length];
        for (int i = 0; i < length; i++)
        {
            float re = axis[random.Next(axis.Count)], im = axis[random.Next(axis.Count)];
            symbols[i] = (i % 3) switch
            {
                0 => new ComplexF32(re, im),
                1 => new ComplexF32(re, (float)((random.NextDouble() * 4) - 2)),
                _ => new ComplexF32((float)((random.NextDouble() * 40) - 20), im),
            };
            noise[i] = sigmas[random.Next(sigmas.Length)];
        }

        AssertSame(generic, vector, symbols, noise, scheme, "extreme values");
    }

    private static IDemodulationMapper CreateOrSkip(string implementation, float scale)
    {
        if (!DemodulationMapperFactory.Available.Contains(implementation))
        {
            Assert.Skip($"{implementation} not available here.");
        }

        IDemodulationMapper mapper = DemodulationMapperFactory.Create(implementation, scale);
        Assert.Equal(implementation, mapper.Name);
        return mapper;
    }

    private static void AssertSame(IDemodulationMapper expectedMapper, IDemodulationMapper actualMapper, ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noise, ModulationScheme scheme, string what)
    {
        int qm = scheme.BitsPerSymbol();
        var expected = new sbyte[symbols.Length * qm];
        var actual = new sbyte[symbols.Length * qm];
        expectedMapper.Demodulate(symbols, noise, scheme, expected, 5);
        actualMapper.Demodulate(symbols, noise, scheme, actual, 5);
        for (int b = 0; b < expected.Length; b++)
        {
            if (expected[b] != actual[b])
            {
                int i = b / qm;
                Assert.Fail($"{actualMapper.Name} {scheme} {what}: LLR {b} (symbol {i} = {symbols[i].Re:R}, {symbols[i].Im:R}, σ² {noise[i]:R}) is {actual[b]}, generic {expected[b]}.");
            }
        }
    }

    [Fact]
    public void Demodulate_Qpsk_MatchesClosedFormAndScale()
    {
        // QPSK: L = 2√2·x/σ²; σ² = 0.5: x = 0.1 gives 0.566 → round(0.566·4) = 2, x = −1 gives −5.66 → −23;
        // with σ² = 0.01 the second saturates at −120.
        var llrs = new sbyte[2];
        new DemodulationMapperGeneric(4f).Demodulate([new ComplexF32(0.1f, -1f)], [0.5f], ModulationScheme.Qpsk, llrs);
        Assert.Equal([2, -23], llrs);
        new DemodulationMapperGeneric(4f).Demodulate([new ComplexF32(0.1f, -1f)], [0.01f], ModulationScheme.Qpsk, llrs);
        Assert.Equal(-LogLikelihoodRatio.Max, llrs[1]);
        var natural = new float[2];
        DemodulationMapperGeneric.DemodulateToFloat([new ComplexF32(0.1f, -1f)], [0.5f], ModulationScheme.Qpsk, natural);
        Assert.Equal(2 * Math.Sqrt(2) * 0.1 / 0.5, natural[0], 5);
    }

    [Fact]
    public void Demodulate_ErasedSymbol_GivesZeroLlrs()
    {
        var llrs = new sbyte[8];
        DemodulationMapperFactory.Create().Demodulate([new ComplexF32(0.3f, 0.2f)], [float.PositiveInfinity], ModulationScheme.Qam256, llrs);
        Assert.All(llrs, l => Assert.Equal(0, l));
    }

    [Fact]
    public void Demodulate_WrongLengths_Throw()
    {
        IDemodulationMapper mapper = DemodulationMapperFactory.Create("generic");
        Assert.Throws<ArgumentException>(() => mapper.Demodulate(new ComplexF32[4], new float[3], ModulationScheme.Qpsk, new sbyte[8]));
        Assert.Throws<ArgumentException>(() => mapper.Demodulate(new ComplexF32[4], new float[4], ModulationScheme.Qam16, new sbyte[8]));
        Assert.Contains("valid: auto", Assert.Throws<ArgumentException>(() => DemodulationMapperFactory.Create("neon")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => DemodulationMapperFactory.Create("auto", 0f));
    }
}
