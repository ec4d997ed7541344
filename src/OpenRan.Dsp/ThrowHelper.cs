using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace OpenRan.Dsp;

/// <summary>
/// Non-inlined throw helpers, so that validation at public entry points stays small in the caller
/// (dotnet/runtime <c>ThrowHelper</c>, STYLE.md §6).
/// </summary>
public static class ThrowHelper
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the parameter and what is wrong with it.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgument(string parameterName, string message) => throw new ArgumentException(message, parameterName);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the parameter, its value and its valid range.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowOutOfRange(string parameterName, object? actualValue, string validRange) =>
        throw new ArgumentOutOfRangeException(parameterName, actualValue, $"{parameterName} = {actualValue} is out of range; valid: {validRange}.");

    /// <summary>Throws <see cref="ArgumentException"/> when two spans that must match in length do not.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowLengthMismatch(string parameterName, int actualLength, int expectedLength) =>
        throw new ArgumentException($"{parameterName} has length {actualLength}; expected {expectedLength}.", parameterName);

    /// <summary>Throws when the destination named <paramref name="parameterName"/> is too short to receive <paramref name="requiredLength"/> elements.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowDestinationTooShort(string parameterName, int actualLength, int requiredLength) =>
        throw new ArgumentException($"{parameterName} has length {actualLength}; at least {requiredLength} needed.", parameterName);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void ThrowIfOutside(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string parameterName = "")
    {
        if (value < min || value > max)
        {
            ThrowOutOfRange(parameterName, value, $"{min}..{max}");
        }
    }

    /// <summary>Throws unless <paramref name="actualLength"/> equals <paramref name="expectedLength"/>.</summary>
    public static void ThrowIfLengthDiffers(int actualLength, int expectedLength, string parameterName)
    {
        if (actualLength != expectedLength)
        {
            ThrowLengthMismatch(parameterName, actualLength, expectedLength);
        }
    }
}
