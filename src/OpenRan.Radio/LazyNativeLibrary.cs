using System;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OpenRan.Radio;

/// <summary>
/// Loads a driver's native library on first use, trying platform file names in order (Debian ships only versioned
/// names such as <c>libusb-1.0.so.0</c> without the -dev package), and routes the assembly's
/// <see cref="LibraryImportAttribute"/> name to it. A machine without the library gets a message saying what to
/// install instead of a <see cref="DllNotFoundException"/>.
/// </summary>
public sealed class LazyNativeLibrary
{
    private readonly string _importName;
    private readonly string[] _candidates;
    private readonly string _installHint;
    private readonly Assembly _assembly;
    private readonly Lazy<(IntPtr Handle, string? Error)> _library;

    /// <summary>Describes a library; nothing is loaded yet.</summary>
    /// <param name="importName">The name the assembly's imports use.</param>
    /// <param name="candidates">File names to try, in order.</param>
    /// <param name="installHint">How to install it, e.g. <c>apt-get install libusb-1.0-0</c>.</param>
    /// <param name="assembly">The assembly whose imports are resolved.</param>
    public LazyNativeLibrary(string importName, string[] candidates, string installHint, Assembly assembly)
    {
        _importName = importName;
        _candidates = candidates;
        _installHint = installHint;
        _assembly = assembly;
        _library = new Lazy<(IntPtr, string?)>(Load);
    }

    /// <summary>Whether the library loads; <paramref name="reason"/> says what was tried and how to install it when not.</summary>
    public bool IsAvailable(out string reason)
    {
        (IntPtr handle, string? error) = _library.Value;
        reason = error ?? string.Empty;
        return handle != IntPtr.Zero;
    }

    /// <summary>Throws <see cref="RadioUnavailableException"/> for <paramref name="driver"/> when the library is missing.</summary>
    public void EnsureAvailable(string driver)
    {
        if (!IsAvailable(out string reason))
        {
            throw new RadioUnavailableException(driver, reason);
        }
    }

    private (IntPtr, string?) Load()
    {
        foreach (string name in _candidates)
        {
            if (NativeLibrary.TryLoad(name, _assembly, null, out IntPtr handle))
            {
                NativeLibrary.SetDllImportResolver(_assembly, (libraryName, _, _) => libraryName == _importName ? handle : IntPtr.Zero);
                return (handle, null);
            }
        }

        return (IntPtr.Zero, $"{_importName} is not installed (tried {string.Join(", ", _candidates)}); {_installHint}.");
    }
}
