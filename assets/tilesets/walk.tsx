<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="walk" tilewidth="32" tileheight="32" tilecount="48" columns="8">
 <image source="../tiles/walk.png" width="256" height="192"/>
 <tile id="0">
  <properties>
   <property name="sprite" value="tony_stride0"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="sprite" value="tony_stride1"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="sprite" value="tony_step0"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="sprite" value="tony_step1"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="sprite" value="jo_stride0"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="sprite" value="jo_stride1"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="sprite" value="jo_step0"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="sprite" value="jo_step1"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="sprite" value="mario_stride0"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="sprite" value="mario_stride1"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="sprite" value="mario_step0"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="sprite" value="mario_step1"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="sprite" value="cesar_stride0"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="sprite" value="cesar_stride1"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="sprite" value="cesar_step0"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="sprite" value="cesar_step1"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="sprite" value="guard_stride0"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="sprite" value="guard_stride1"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="sprite" value="guard_step0"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="sprite" value="guard_step1"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="sprite" value="gangster_stride0"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="sprite" value="gangster_stride1"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="sprite" value="gangster_step0"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="sprite" value="gangster_step1"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="sprite" value="remi_stride0"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="sprite" value="remi_stride1"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="sprite" value="remi_step0"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="sprite" value="remi_step1"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="sprite" value="louis_stride0"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="sprite" value="louis_stride1"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="sprite" value="louis_step0"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="sprite" value="louis_step1"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="sprite" value="police_stride0"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="sprite" value="police_stride1"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="sprite" value="police_step0"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="sprite" value="police_step1"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="sprite" value="neighbour_stride0"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="sprite" value="neighbour_stride1"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="sprite" value="neighbour_step0"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="sprite" value="neighbour_step1"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="sprite" value="tonio_stride0"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="sprite" value="tonio_stride1"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="sprite" value="tonio_step0"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="sprite" value="tonio_step1"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="sprite" value="concierge_stride0"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="sprite" value="concierge_stride1"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="sprite" value="concierge_step0"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="sprite" value="concierge_step1"/>
  </properties>
 </tile>
</tileset>
