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
english.RemoveData=Also delete CancelApp's data on this computer (cached orders, the action journal, settings, logs) and the store keys it keeps in Windows Credential Manager? Your Shopify store is not affected.
danish.RemoveData=Slet også CancelApps data på denne computer (gemte ordrer, handlingsjournalen, indstillinger, logfiler) og de butiksnøgler, den gemmer i Windows Legitimationsoplysninger? Din Shopify-butik berøres ikke.
english.RemoveDataFailed=CancelApp's data was kept: %1
danish.RemoveDataFailed=CancelApps data blev bevaret: %1
english.AppStillOpen=CancelApp is still open. Close it and uninstall again to delete its data.
danish.AppStillOpen=CancelApp er stadig åben. Luk den, og afinstallér igen for at slette dens data.
english.KeychainRefused=Windows Credential Manager refused to remove the store keys.
danish.KeychainRefused=Windows Legitimationsoplysninger nægtede at fjerne butiksnøglerne.

[Code]
// The merchant's data is kept on uninstall unless they say otherwise; a silent uninstall always
// keeps it. The app removes it itself (`--remove-all-data`: the data folder wherever it is,
// CANCELAPP_HOME included, and the keychain entries of every store), so this must run at
// usUninstall, while CancelApp.exe still exists (after the uninstall step it is deleted).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  ResultCode: Integer;
  Reason: String;
begin
  if (CurUninstallStep = usUninstall) and not UninstallSilent() then
    if MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      if not Exec(ExpandConstant('{app}\CancelApp.exe'), '--remove-all-data', '', SW_HIDE,
                  ewWaitUntilTerminated, ResultCode) then
        Reason := SysErrorMessage(ResultCode)
      else if ResultCode = 3 then
        Reason := CustomMessage('AppStillOpen')
      else if ResultCode = 4 then
        Reason := CustomMessage('KeychainRefused')
      else if ResultCode <> 0 then
        Reason := IntToStr(ResultCode)
      else
        Reason := '';
      if Reason <> '' then
        MsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [Reason]), mbError, MB_OK);
    end;
end;
