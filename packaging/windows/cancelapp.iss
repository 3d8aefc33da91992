; Inno Setup script for CancelApp: a per-user install that needs no admin rights.
; Build after `pyinstaller build.spec` with:
;   iscc /DAppVersion=0.1.0 packaging\windows\cancelapp.iss
; Output: dist\CancelApp-<version>-setup.exe (signed by the release workflow when secrets exist).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C0F7D2E-8B1A-4C58-9E5B-3F1D2A7C4B90}
AppName=CancelApp
AppVersion={#AppVersion}
AppPublisher=CancelApp
DefaultDirName={localappdata}\Programs\CancelApp
DefaultGroupName=CancelApp
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=CancelApp-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\cancelapp.ico
UninstallDisplayIcon={app}\CancelApp.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\CancelApp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\CancelApp"; Filename: "{app}\CancelApp.exe"
Name: "{userdesktop}\CancelApp"; Filename: "{app}\CancelApp.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\CancelApp.exe"; Description: "{cm:LaunchProgram,CancelApp}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
english.RemoveData=Also delete CancelApp's data (cached orders, journal, settings)? Your Shopify store is not affected. Tokens in Windows Credential Manager are removed when you remove a store in the app.
danish.RemoveData=Slet også CancelApps data (gemte ordrer, journal, indstillinger)? Din Shopify-butik berøres ikke. Nøgler i Windows Legitimationsoplysninger fjernes, når du fjerner en butik i appen.

[Code]
// The merchant's data (platformdirs: %LOCALAPPDATA%\CancelApp\CancelApp) is kept on uninstall
// unless they say otherwise; a silent uninstall always keeps it.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\CancelApp');
    if DirExists(DataDir) and not UninstallSilent() then
      if MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
