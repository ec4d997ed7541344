using System;
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

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Avx2_MatchesGenericBitExactly_AllLengthsAndErasures(ModulationScheme scheme)
    {
        if (!DemodulationMapperAvx2.IsSupported)
        {
            Assert.Skip("AVX2 not available.");
        }

        var generic = new DemodulationMapperGeneric(3.5f);
        var avx2 = new DemodulationMapperAvx2(3.5f);
        var random = new Random(11);
        int qm = scheme.BitsPerSymbol();
        for (int length = 0; length <= 4 * 8 + 3; length++)
        {
            var symbols = new ComplexF32[length];
            var noise = new float[length];
            for (int i = 0; i < length; i++)
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

            var expected = new sbyte[length * qm];
            var actual = new sbyte[length * qm];
            generic.Demodulate(symbols, noise, scheme, expected, 5);
            avx2.Demodulate(symbols, noise, scheme, actual, 5);
            Assert.Equal(expected, actual);
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
