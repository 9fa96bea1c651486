#!/usr/bin/env pwsh
# Bootstrap (PowerShell) for the GoMonorepoBuild build: find a .NET SDK (10 or newer), rebuild build/_build.csproj
# only when its inputs changed, then run it passing every argument through. Same behaviour as build.sh.
$ErrorActionPreference = 'Stop'

$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$BuildProject = Join-Path $Root 'build/_build.csproj'
$BuildOutput = Join-Path $Temp 'build-bin'
$BuildDll = Join-Path $BuildOutput '_build.dll'
$Stamp = Join-Path $Temp 'build.inputs'
$SdkMajor = 10

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
# Tier-up after 4,096 calls (hex), not 30: less tier-1 recompiling while the builds run (see build.sh).
if (-not $env:DOTNET_TC_CallCountThreshold) { $env:DOTNET_TC_CallCountThreshold = '1000' }
$env:GMB_ROOT = $Root

function Find-Dotnet {
    $private = Join-Path $Temp 'dotnet-sdk/dotnet'
    $candidates = @($private, (Get-Command dotnet -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source))
    foreach ($candidate in $candidates) {
        if (-not $candidate -or -not (Test-Path $candidate)) { continue }
        foreach ($line in (& $candidate --list-sdks 2>$null)) {
            if ([int]($line.Split('.')[0]) -ge $SdkMajor) { return $candidate }
        }
    }
    Write-Host "No .NET SDK $SdkMajor or newer found; installing one into $Temp/dotnet-sdk"
    New-Item -ItemType Directory -Force (Join-Path $Temp 'dotnet-sdk') | Out-Null
    try {
        $installer = Join-Path $Temp 'dotnet-install.ps1'
        Invoke-WebRequest 'https://dot.net/v1/dotnet-install.ps1' -OutFile $installer -TimeoutSec 30
        & $installer -Channel "$SdkMajor.0" -InstallDir (Join-Path $Temp 'dotnet-sdk') -NoPath
    } catch {
        Write-Error "could not install the .NET SDK $SdkMajor (is https://dot.net reachable?). Install the .NET SDK $SdkMajor or newer from https://dotnet.microsoft.com/download and run again."
        exit 2
    }
    return $private
}

# What the compiled build depends on: the build project's sources and the MSBuild/NuGet files above it.
function Get-InputsFingerprint {
    $files = @(Get-ChildItem -Recurse -File (Join-Path $Root 'build') |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and ($_.Extension -in '.cs', '.csproj', '.props', '.targets' -or $_.Name -ieq 'nuget.config') })
    foreach ($name in 'build.ps1', 'global.json', 'nuget.config', 'NuGet.config', 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props') {
        $path = Join-Path $Root $name
        if (Test-Path $path) { $files += Get-Item $path }
    }
    ($files | Sort-Object FullName | ForEach-Object { "$($_.FullName) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" }) -join "`n"
}

New-Item -ItemType Directory -Force $Temp | Out-Null
$dotnet = if (Test-Path (Join-Path $Temp 'dotnet-sdk/dotnet')) { Join-Path $Temp 'dotnet-sdk/dotnet' } else { (Get-Command dotnet -ErrorAction SilentlyContinue).Source }
$current = Get-InputsFingerprint
$previous = if (Test-Path $Stamp) { Get-Content $Stamp -Raw } else { '' }
if (-not $dotnet -or -not (Test-Path $BuildDll) -or $current -ne $previous) {
    $dotnet = Find-Dotnet
    Write-Host 'Building the build project (inputs changed)...'
    # Release and ReadyToRun, as in build.sh: every run is a fresh process, and JIT is a large part of a quiet run.
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $BuildOutput
    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    & $dotnet publish $BuildProject -c Release -r $rid --self-contained false -p:PublishReadyToRun=true -o $BuildOutput -nologo -v q -clp:ErrorsOnly *> (Join-Path $Temp 'build-publish.log')
    if ($LASTEXITCODE -ne 0) {
        Write-Host "note: no ReadyToRun build (see $Temp/build-publish.log); building without it"
        & $dotnet build $BuildProject -c Release -o $BuildOutput -nologo -v q -clp:ErrorsOnly
        if ($LASTEXITCODE -ne 0) { Remove-Item -Force -ErrorAction SilentlyContinue $Stamp; Write-Error 'the build project failed to compile (see above).'; exit 2 }
    }
    Set-Content -NoNewline -Path $Stamp -Value $current
}

& $dotnet $BuildDll @args
exit $LASTEXITCODE
