#!/usr/bin/env pwsh
# Bootstrap (PowerShell): find a .NET SDK that satisfies global.json, rebuild build/_build.csproj only when its
# inputs changed, then run the build passing every argument through. Same behaviour as build.sh.
$ErrorActionPreference = 'Stop'

$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$BuildProject = Join-Path $Root 'build/_build.csproj'
# Its own output folder: `dotnet test` on the solution rebuilds build/bin while this build runs from here.
$BuildOutput = Join-Path $Temp 'build-bin'
$BuildDll = Join-Path $BuildOutput '_build.dll'
$Stamp = Join-Path $Temp 'build.inputs'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
# Tier-up after 4,096 calls (hex), not 30: less tier-1 recompiling while the builds run (issue 19 goal 3, see build.sh).
if (-not $env:DOTNET_TC_CallCountThreshold) { $env:DOTNET_TC_CallCountThreshold = '1000' }
$env:GMB_ROOT = $Root

function Get-RequiredSdk {
    (Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json).sdk.version
}

# rollForward latestFeature: same major.minor, feature band at least the one asked for.
function Test-SdkSatisfies([string]$Have, [string]$Want) {
    $h = $Have.Split('-')[0].Split('.'); $w = $Want.Split('.')
    return $h[0] -eq $w[0] -and $h[1] -eq $w[1] -and [int]$h[2] -ge [int]$w[2]
}

function Find-Dotnet {
    $want = Get-RequiredSdk
    $private = Join-Path $Temp 'dotnet-sdk/dotnet'
    $candidates = @($private, (Get-Command dotnet -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source))
    foreach ($candidate in $candidates) {
        if (-not $candidate -or -not (Test-Path $candidate)) { continue }
        foreach ($line in (& $candidate --list-sdks 2>$null)) {
            if (Test-SdkSatisfies ($line.Split(' ')[0]) $want) { return $candidate }
        }
    }
    Write-Host "No .NET SDK satisfying global.json ($want) found; installing one into $Temp/dotnet-sdk"
    New-Item -ItemType Directory -Force (Join-Path $Temp 'dotnet-sdk') | Out-Null
    try {
        $installer = Join-Path $Temp 'dotnet-install.ps1'
        Invoke-WebRequest 'https://dot.net/v1/dotnet-install.ps1' -OutFile $installer -TimeoutSec 30
        & $installer -Version $want -InstallDir (Join-Path $Temp 'dotnet-sdk') -NoPath
    } catch {
        Write-Error "could not install the .NET SDK $want (is https://dot.net reachable?). Install the .NET SDK $want or newer in the same feature line from https://dotnet.microsoft.com/download and run again."
        exit 2
    }
    return $private
}

function Get-InputsFingerprint {
    $files = Get-ChildItem -Recurse -File (Join-Path $Root 'build'), (Join-Path $Root 'src') |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.Extension -in '.cs', '.csproj', '.props', '.targets' }
    $files += Get-Item (Join-Path $Root 'build.ps1'), (Join-Path $Root 'global.json'), (Join-Path $Root 'Directory.Build.props'), (Join-Path $Root 'Directory.Packages.props')
    ($files | Sort-Object FullName | ForEach-Object { "$($_.FullName) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" }) -join "`n"
}

New-Item -ItemType Directory -Force $Temp | Out-Null
$dotnet = if (Test-Path (Join-Path $Temp 'dotnet-sdk/dotnet')) { Join-Path $Temp 'dotnet-sdk/dotnet' } else { (Get-Command dotnet -ErrorAction SilentlyContinue).Source }
$current = Get-InputsFingerprint
$previous = if (Test-Path $Stamp) { Get-Content $Stamp -Raw } else { '' }
if (-not $dotnet -or -not (Test-Path $BuildDll) -or $current -ne $previous) {
    $dotnet = Find-Dotnet
    Write-Host 'Building the build project (inputs changed)...'
    # Release and ReadyToRun, as in build.sh: every run is a fresh process, and JIT was a third of a no-change run.
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
