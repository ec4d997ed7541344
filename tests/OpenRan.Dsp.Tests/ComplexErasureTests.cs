using System;

namespace OpenRan.Dsp.Tests;

/// <summary>
/// <see cref="ComplexErasure"/> against its scalar reference for every length 0..67 and start offsets 0..3, with NaN, ±∞,
/// huge, subnormal, ±0 and ordinary parts placed at random; results must match bit for bit, counts exactly. Re-run by
/// <see cref="IsaMatrixTests"/> with narrower instruction sets.
/// </summary>
public class ComplexErasureTests
{
    public static TheoryData<int, int> LengthsAndOffsets()
    {
        var data = new TheoryData<int, int>();
        for (int n = 0; n <= 67; n++)
        {
            for (int offset = 0; offset < 4; offset++)
            {
                data.Add(n, offset);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LengthsAndOffsets))]
    public void Erase_AnyLengthAndOffset_MatchesScalarBitForBit(int n, int offset)
    {
        var random = new Random((n * 4) + offset);
        for (int trial = 0; trial < 8; trial++)
        {
            var values = new ComplexF32[n + offset];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = new ComplexF32(RandomPart(random), RandomPart(random));
            }

            ComplexF32[] expected = values.AsSpan(offset).ToArray();
            int expectedCount = ComplexErasure.EraseScalar(expected, ComplexErasure.DefaultMaxMagnitude);
            int count = ComplexErasure.Erase(values.AsSpan(offset));
            Assert.Equal(expectedCount, count);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[i].Re), BitConverter.SingleToInt32Bits(values[offset + i].Re));
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[i].Im), BitConverter.SingleToInt32Bits(values[offset + i].Im));
            }
        }
    }

    [Theory]
    [MemberData(nameof(LengthsAndOffsets))]
    public void Erase_Copying_MatchesInPlaceBitForBitAndLeavesSource(int n, int offset)
    {
        var random = new Random((n * 4) + offset + 1000);
        var values = new ComplexF32[n + offset];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = new ComplexF32(RandomPart(random), RandomPart(random));
        }

        ComplexF32[] source = values.AsSpan(offset).ToArray();
        ComplexF32[] expected = values.AsSpan(offset).ToArray();
        int expectedCount = ComplexErasure.EraseScalar(expected, ComplexErasure.DefaultMaxMagnitude);
        var destination = new ComplexF32[n + offset];
        int count = ComplexErasure.Erase(values.AsSpan(offset), destination.AsSpan(offset));
        Assert.Equal(expectedCount, count);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(expected[i].Re), BitConverter.SingleToInt32Bits(destination[offset + i].Re));
            Assert.Equal(BitConverter.SingleToInt32Bits(expected[i].Im), BitConverter.SingleToInt32Bits(destination[offset + i].Im));
            Assert.Equal(BitConverter.SingleToInt32Bits(source[i].Re), BitConverter.SingleToInt32Bits(values[offset + i].Re));
            Assert.Equal(BitConverter.SingleToInt32Bits(source[i].Im), BitConverter.SingleToInt32Bits(values[offset + i].Im));
        }
    }

    [Fact]
    public void Erase_CopyingLengthMismatch_ThrowsNamingDestination() =>
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(() => ComplexErasure.Erase(new ComplexF32[3], new ComplexF32[2])).ParamName);

    [Fact]
    public void EraseScalar_ClassifiesEachKindOfValue()
    {
        ComplexF32[] values =
        [
            new(1f, -2f),                        // kept
            new(float.NaN, 0f),                  // erased
            new(0f, float.PositiveInfinity),     // erased
            new(float.NegativeInfinity, 1f),     // erased
            new(3e38f, 0f),                      // erased: above the limit
            new(-1e10f, 1e10f),                  // kept: exactly at the limit
            new(1e-40f, -5f),                    // subnormal part flushed, not counted
            new(-1e-42f, 1e-45f),                // both flushed: becomes 0
            new(ComplexErasure.SmallestNormal, -ComplexErasure.SmallestNormal), // kept: smallest normals
            new(-0f, 2f),                        // kept (-0 becomes +0)
        ];
        int erased = ComplexErasure.EraseScalar(values, ComplexErasure.DefaultMaxMagnitude);
        Assert.Equal(4, erased);
        Assert.Equal(new ComplexF32(1f, -2f), values[0]);
        Assert.Equal(default, values[1]);
        Assert.Equal(default, values[2]);
        Assert.Equal(default, values[3]);
        Assert.Equal(default, values[4]);
        Assert.Equal(new ComplexF32(-1e10f, 1e10f), values[5]);
        Assert.Equal(new ComplexF32(0f, -5f), values[6]);
        Assert.Equal(0, BitConverter.SingleToInt32Bits(values[7].Re) | BitConverter.SingleToInt32Bits(values[7].Im));
        Assert.Equal(new ComplexF32(ComplexErasure.SmallestNormal, -ComplexErasure.SmallestNormal), values[8]);
        Assert.Equal(0, BitConverter.SingleToInt32Bits(values[9].Re));
    }

    [Fact]
    public void Erase_AllCorrupt_ErasesEverything()
    {
        var values = new ComplexF32[1000];
        values.AsSpan().Fill(new ComplexF32(float.NaN, float.NaN));
        Assert.Equal(1000, ComplexErasure.Erase(values));
        Assert.All(values, v => Assert.Equal(default, v));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(1e-40f)]
    public void Erase_InvalidLimit_ThrowsNamingParameter(float limit) =>
        Assert.Equal("maxMagnitude", Assert.Throws<ArgumentOutOfRangeException>(() => ComplexErasure.Erase(new ComplexF32[4], limit)).ParamName);

    [Fact]
    public void Erase_SteadyState_DoesNotAllocate()
    {
        var values = new ComplexF32[3300];
        OpenRan.TestSupport.AllocationAssert.SteadyStateAllocatesNothing(() => ComplexErasure.Erase(values));
    }

    private static float RandomPart(Random random) => random.Next(12) switch
    {
        0 => float.NaN,
        1 => float.PositiveInfinity,
        2 => float.NegativeInfinity,
        3 => random.Next(2) == 0 ? 3e38f : -3e38f,
        4 => BitConverter.Int32BitsToSingle(random.Next(1, 1 << 23) | (random.Next(2) << 31)), // subnormal
        5 => random.Next(2) == 0 ? 0f : -0f,
        6 => random.Next(2) == 0 ? 1e10f : -1e10f,                     // at the limit: kept
        7 => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(1e10f) + 1), // just above: erased
        8 => BitConverter.Int32BitsToSingle(unchecked((int)0xFFC0_0001u)), // a negative NaN with payload
        _ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 9))),
    };
}
