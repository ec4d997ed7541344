using System;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OpenRan.Cli.Commands;

/// <summary>
/// The console every command writes to: results on standard output (this console), diagnostics on
/// <see cref="Error"/> (standard error), so that scripts can parse the output and still see why a command failed.
/// </summary>
/// <remarks>
/// Commands receive it as an <see cref="IAnsiConsole"/>; <see cref="CliOutput.WriteError"/> finds the error console
/// through it. A plain <see cref="IAnsiConsole"/> (no error console) gets its errors on itself.
/// </remarks>
internal sealed class CliConsole : IAnsiConsole
{
    private readonly IAnsiConsole _out;

    /// <summary>Wraps <paramref name="output"/> (standard output) with <paramref name="error"/> (standard error).</summary>
    public CliConsole(IAnsiConsole output, IAnsiConsole error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        _out = output;
        Error = error;
    }

    /// <summary>Where errors and warnings go.</summary>
    public IAnsiConsole Error { get; }

    /// <inheritdoc />
    public Profile Profile => _out.Profile;

    /// <inheritdoc />
    public IAnsiConsoleCursor Cursor => _out.Cursor;

    /// <inheritdoc />
    public IAnsiConsoleInput Input => _out.Input;

    /// <inheritdoc />
    public IExclusivityMode ExclusivityMode => _out.ExclusivityMode;

    /// <inheritdoc />
    public RenderPipeline Pipeline => _out.Pipeline;

    /// <inheritdoc />
    public void Clear(bool home) => _out.Clear(home);

    /// <inheritdoc />
    public void Write(IRenderable renderable) => _out.Write(renderable);

    /// <inheritdoc />
    public void WriteAnsi(Action<AnsiWriter> action) => _out.WriteAnsi(action);
}
