#!/bin/bash
# A writable POWER-ETHERNET-MIB (RFC 3621) table for net-snmp's pass_persist, as a PoE switch serves it:
# pethPsePortAdminEnable (read-write), pethPsePortDetectionStatus and pethPsePortPowerClassifications of ports
# 1.1-1.4, and pethMainPsePower/ConsumptionPower of PSE 1. NetSnmpAgent (a PiHA test) copies it next to the
# snmpd.conf it writes. The ports live in this process, which snmpd keeps running; it ends at end of input.
declare -A admin
for p in 1 2 3 4; do admin[$p]=1; done
P=.1.3.6.1.2.1.105
key() { local out="" c; local IFS=.; for c in $1; do [ -n "$c" ] && printf -v out '%s%010d' "$out" "$c"; done; echo "$out"; }
value() {
  local oid=$1 port=${1##*.} powered=0
  case "$oid" in
    $P.1.1.1.3.1.[1-4]) echo "$oid"; echo integer; echo "${admin[$port]}" ;;
    $P.1.1.1.6.1.[1-4]) echo "$oid"; echo integer; [ "${admin[$port]}" = 1 ] && echo 3 || echo 1 ;;
    $P.1.1.1.10.1.[1-4]) echo "$oid"; echo integer; [ "${admin[$port]}" = 1 ] && echo 5 || echo 1 ;;
    $P.1.3.1.1.2.1) echo "$oid"; echo gauge; echo 120 ;;
    $P.1.3.1.1.4.1) for p in 1 2 3 4; do [ "${admin[$p]}" = 1 ] && powered=$((powered + 7)); done
                    echo "$oid"; echo gauge; echo "$powered" ;;
    *) echo NONE ;;
  esac
}
oids() {
  for c in 3 6 10; do for p in 1 2 3 4; do echo "$P.1.1.1.$c.1.$p"; done; done
  echo "$P.1.3.1.1.2.1"; echo "$P.1.3.1.1.4.1"
}
while read -r cmd; do
  case "$cmd" in
    PING) echo PONG ;;
    get) read -r oid; value "$oid" ;;
    getnext) read -r oid; k=$(key "$oid"); next=NONE
             for o in $(oids); do if [[ "$(key "$o")" > "$k" ]]; then next=$o; break; fi; done
             [ "$next" = NONE ] && echo NONE || value "$next" ;;
    set) read -r oid; read -r type val
         case "$oid" in
           $P.1.1.1.3.1.[1-4])
             if [ "$type" != integer ]; then echo wrong-type
             elif [ "$val" != 1 ] && [ "$val" != 2 ]; then echo wrong-value
             else admin[${oid##*.}]=$val; echo DONE; fi ;;
           *) echo not-writable ;;
         esac ;;
    *) ;; # net-snmp sends an empty line after a set
  esac
done
